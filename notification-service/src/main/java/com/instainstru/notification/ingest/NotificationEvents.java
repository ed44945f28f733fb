package com.instainstru.notification.ingest;

import static com.instainstru.platform.streams.EventFields.instant;
import static com.instainstru.platform.streams.EventFields.text;
import static com.instainstru.platform.streams.EventFields.uuid;
import static com.instainstru.platform.time.Utc.utc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.instainstru.notification.infra.NotificationConfig;
import com.instainstru.notification.send.Sender;
import com.instainstru.platform.streams.EventHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What notification-service does with each event of {@code user-events} and {@code booking-events}, which the
 * platform's stream consumer hands over once per event id, inside the transaction that records the id: users'
 * addresses and names are kept; a booking's messages are claimed as {@code notification} rows (one per subject,
 * kind and recipient: a redelivered event claims nothing new), which the sender sends after the commit. A
 * cancelled or rescheduled lesson's pending reminders are withdrawn; a rescheduled one gets new ones.
 */
@ApplicationScoped
public class NotificationEvents implements EventHandler {

    public static final String CONFIRMED = "booking-confirmed";
    public static final String CANCELLED = "booking-cancelled";
    public static final String RESCHEDULED = "booking-rescheduled";
    public static final String REMINDER_PREFIX = "reminder-";
    /** Account messages, each with a link the gateway made (its token expires; the gateway keeps only its hash). */
    public static final String EMAIL_VERIFICATION = "email-verification";
    public static final String PASSWORD_RESET = "password-reset";
    public static final String ACCOUNT_EXISTS = "account-exists";

    private static final String UPSERT_RECIPIENT = """
            INSERT INTO recipient (user_id, email, name, time_zone, as_of) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, name = excluded.name,
                time_zone = coalesce(excluded.time_zone, recipient.time_zone), as_of = excluded.as_of
            WHERE recipient.as_of <= excluded.as_of""";

    private static final String LESSON_COLUMNS = "booking_id, calendar_uid, sequence, student_id, instructor_id, "
            + "service_name, start_time, end_time, duration_minutes, location_type, time_zone, status";

    private static final String INSERT_LESSON = "INSERT INTO lesson (" + LESSON_COLUMNS + ") "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (booking_id) DO NOTHING";

    private static final String CLAIM = """
            INSERT INTO notification (id, subject_id, kind, recipient_id, role, due_at, next_attempt_at, data)
            VALUES ($1, $2, $3, $4, $5, $6, $6, $7::text::jsonb) ON CONFLICT ON CONSTRAINT notification_once DO NOTHING""";

    private static final String WITHDRAW_REMINDERS = "UPDATE notification SET status = 'withdrawn' "
            + "WHERE subject_id = $1 AND status = 'pending' AND kind LIKE '" + REMINDER_PREFIX + "%'";

    @Inject
    NotificationConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Sender sender;

    @Override
    public Uni<Void> apply(Applying applying, JsonNode event) {
        SqlConnection tx = applying.connection();
        JsonNode payload = event.path("payload");
        Instant occurredAt = instant(event, "occurredAt");
        return switch (event.path("type").asText()) {
            case "user.registered", "user.updated" -> tx.preparedQuery(UPSERT_RECIPIENT)
                    .execute(Tuple.of(uuid(payload, "userId"), text(payload, "email"), text(payload, "name"),
                            timeZone(payload), utc(occurredAt)))
                    .replaceWithVoid();
            case "user.email-verified" -> tx.preparedQuery(
                            "UPDATE recipient SET email_verified = true WHERE user_id = $1 AND email = $2")
                    .execute(Tuple.of(uuid(payload, "userId"), text(payload, "email"))).replaceWithVoid();
            case "user.email-verification-requested" -> account(applying, event, EMAIL_VERIFICATION);
            case "user.password-reset-requested" -> account(applying, event, PASSWORD_RESET);
            case "user.registration-repeated" -> account(applying, event, ACCOUNT_EXISTS);
            // Messages due now go out as soon as the transaction commits, not at the sender's next round.
            case "booking.created" -> created(tx, payload, occurredAt).invoke(() -> applying.afterCommit(sender::wake));
            case "booking.cancelled" -> cancelled(tx, payload, occurredAt).invoke(() -> applying.afterCommit(sender::wake));
            case "booking.rescheduled" -> rescheduled(tx, payload, occurredAt).invoke(() -> applying.afterCommit(sender::wake));
            default -> Uni.createFrom().voidItem(); // a tolerant reader: other types are not ours
        };
    }

    /**
     * An account message: to the address the event names, about the event itself (its id is the subject: each
     * request is one message), carrying its link's token until it is sent. A link that expired before this service
     * read the event (history read again) is not sent.
     */
    private Uni<Void> account(Applying applying, JsonNode event, String kind) {
        JsonNode p = event.path("payload");
        UUID userId = uuid(p, "userId");
        Instant expiresAt = instant(p, "expiresAt");
        if (!expiresAt.isAfter(now())) {
            return Uni.createFrom().voidItem();
        }
        ObjectNode data = json.createObjectNode();
        data.put("to", text(p, "email"));
        data.put("name", text(p, "name"));
        data.put("token", text(p, "token"));
        data.put("expiresAt", expiresAt.toString());
        Claim claim = new Claim(uuid(event, "id"), kind, userId, "user", now(), data);
        return claim(applying.connection(), List.of(claim)).invoke(() -> applying.afterCommit(sender::wake));
    }

    /** The user's IANA time zone, null when the event names none or one this JVM does not know (the default then). */
    private static String timeZone(JsonNode payload) {
        String zone = payload.path("timeZone").asText(null);
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone) ? zone : null;
    }

    private Uni<Void> created(SqlConnection tx, JsonNode p, Instant occurredAt) {
        Lesson lesson = new Lesson(uuid(p, "bookingId"), uuid(p, "bookingId"), 0, uuid(p, "studentId"),
                uuid(p, "instructorId"), p.path("serviceName").asText("Lesson"), instant(p, "startTime"),
                instant(p, "endTime"), p.path("durationMinutes").asInt(), p.path("locationType").asText(null),
                p.path("timeZone").asText(config.defaultTimeZone()), "confirmed");
        List<Claim> claims = new ArrayList<>();
        if (fresh(occurredAt)) {
            claims.addAll(toBoth(lesson, CONFIRMED, now(), data(lesson)));
        }
        claims.addAll(reminders(lesson));
        return insert(tx, lesson).chain(() -> claim(tx, claims));
    }

    private Uni<Void> cancelled(SqlConnection tx, JsonNode p, Instant occurredAt) {
        UUID bookingId = uuid(p, "bookingId");
        return tx.preparedQuery("UPDATE lesson SET status = 'cancelled', sequence = sequence + 1 WHERE booking_id = $1 "
                        + "RETURNING " + LESSON_COLUMNS).execute(Tuple.of(bookingId))
                .flatMap(rows -> {
                    if (rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Lesson.of(rows.iterator().next()));
                    }
                    // A lesson booked before this service knew of it: what the event says is all there is.
                    Lesson lesson = new Lesson(bookingId, bookingId, 1, uuid(p, "studentId"), uuid(p, "instructorId"),
                            p.path("serviceName").asText("Lesson"), instant(p, "startTime"), instant(p, "endTime"),
                            p.path("durationMinutes").asInt(), p.path("locationType").asText(null),
                            p.path("timeZone").asText(config.defaultTimeZone()), "cancelled");
                    return insert(tx, lesson).replaceWith(lesson);
                })
                .flatMap(lesson -> {
                    ObjectNode data = data(lesson);
                    data.put("cancelledBy", p.path("cancelledBy").asText("admin"));
                    data.put("late", p.path("late").asBoolean(false));
                    data.put("reason", p.path("reason").asText(null));
                    List<Claim> claims = fresh(occurredAt) ? toBoth(lesson, CANCELLED, now(), data) : List.of();
                    return withdrawReminders(tx, bookingId).chain(() -> claim(tx, claims));
                });
    }

    private Uni<Void> rescheduled(SqlConnection tx, JsonNode p, Instant occurredAt) {
        UUID previousId = uuid(p, "previousBookingId");
        return tx.preparedQuery("UPDATE lesson SET status = 'rescheduled' WHERE booking_id = $1 RETURNING " + LESSON_COLUMNS)
                .execute(Tuple.of(previousId))
                .flatMap(rows -> {
                    Lesson previous = rows.iterator().hasNext() ? Lesson.of(rows.iterator().next()) : null;
                    Lesson lesson = new Lesson(uuid(p, "bookingId"), previous == null ? previousId : previous.calendarUid(),
                            previous == null ? 1 : previous.sequence() + 1, uuid(p, "studentId"), uuid(p, "instructorId"),
                            previous == null ? p.path("serviceName").asText("Lesson") : previous.serviceName(),
                            instant(p, "startTime"), instant(p, "endTime"), p.path("durationMinutes").asInt(),
                            p.path("locationType").asText(null),
                            previous == null ? p.path("timeZone").asText(config.defaultTimeZone()) : previous.timeZone(),
                            "confirmed");
                    ObjectNode data = data(lesson);
                    data.put("previousStartTime", instant(p, "previousStartTime").toString());
                    List<Claim> claims = new ArrayList<>();
                    if (fresh(occurredAt)) {
                        claims.addAll(toBoth(lesson, RESCHEDULED, now(), data));
                    }
                    claims.addAll(reminders(lesson));
                    return withdrawReminders(tx, previousId).chain(() -> insert(tx, lesson)).chain(() -> claim(tx, claims));
                });
    }

    /** The lesson's reminders still ahead: each due its lead time before the start. */
    private List<Claim> reminders(Lesson lesson) {
        List<Claim> claims = new ArrayList<>();
        for (Duration lead : config.reminders()) {
            Instant due = lesson.start().minus(lead);
            if (due.isAfter(now())) {
                ObjectNode data = data(lesson);
                data.put("leadMinutes", lead.toMinutes());
                claims.addAll(toBoth(lesson, reminderKind(lead), due, data));
            }
        }
        return claims;
    }

    /** {@code reminder-24h}, {@code reminder-1h}, {@code reminder-90m}. */
    public static String reminderKind(Duration lead) {
        long minutes = lead.toMinutes();
        return REMINDER_PREFIX + (minutes % 60 == 0 ? (minutes / 60) + "h" : minutes + "m");
    }

    private List<Claim> toBoth(Lesson lesson, String kind, Instant due, ObjectNode data) {
        ObjectNode student = data.deepCopy().put("otherId", lesson.instructorId().toString());
        ObjectNode instructor = data.deepCopy().put("otherId", lesson.studentId().toString());
        return List.of(new Claim(lesson.bookingId(), kind, lesson.studentId(), "student", due, student),
                new Claim(lesson.bookingId(), kind, lesson.instructorId(), "instructor", due, instructor));
    }

    private ObjectNode data(Lesson lesson) {
        ObjectNode data = json.createObjectNode();
        data.put("bookingId", lesson.bookingId().toString());
        data.put("calendarUid", lesson.calendarUid().toString());
        data.put("sequence", lesson.sequence());
        data.put("studentId", lesson.studentId().toString());
        data.put("instructorId", lesson.instructorId().toString());
        data.put("serviceName", lesson.serviceName());
        data.put("startTime", lesson.start().toString());
        data.put("endTime", lesson.end().toString());
        data.put("durationMinutes", lesson.durationMinutes());
        data.put("locationType", lesson.locationType());
        data.put("timeZone", lesson.timeZone());
        return data;
    }

    private Uni<Void> insert(SqlConnection tx, Lesson l) {
        return tx.preparedQuery(INSERT_LESSON).execute(Tuple.tuple(Arrays.asList(l.bookingId(), l.calendarUid(),
                        l.sequence(), l.studentId(), l.instructorId(), l.serviceName(), utc(l.start()), utc(l.end()),
                        l.durationMinutes(), l.locationType(), l.timeZone(), l.status())))
                .replaceWithVoid();
    }

    private Uni<Void> withdrawReminders(SqlConnection tx, UUID bookingId) {
        return tx.preparedQuery(WITHDRAW_REMINDERS).execute(Tuple.of(bookingId)).replaceWithVoid();
    }

    private Uni<Void> claim(SqlConnection tx, List<Claim> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = claims.stream().map(c -> Tuple.tuple(Arrays.asList(UUID.randomUUID(), c.subjectId(),
                c.kind(), c.recipientId(), c.role(), utc(c.due()), c.data().toString()))).toList();
        return tx.preparedQuery(CLAIM).executeBatch(rows).replaceWithVoid();
    }

    /** An event recent enough to write about (a new database reading old history writes nothing of it). */
    private boolean fresh(Instant occurredAt) {
        return occurredAt.isAfter(now().minus(config.maxEventAge()));
    }

    private Instant now() {
        return clock.instant();
    }

    /** A message to claim: about which booking, of which kind, to whom, when due, and what it says. */
    private record Claim(UUID subjectId, String kind, UUID recipientId, String role, Instant due, ObjectNode data) {
    }

    /** A lesson as its events describe it. */
    record Lesson(UUID bookingId, UUID calendarUid, int sequence, UUID studentId, UUID instructorId, String serviceName,
            Instant start, Instant end, int durationMinutes, String locationType, String timeZone, String status) {

        static Lesson of(Row r) {
            return new Lesson(r.getUUID("booking_id"), r.getUUID("calendar_uid"), r.getInteger("sequence"),
                    r.getUUID("student_id"), r.getUUID("instructor_id"), r.getString("service_name"),
                    r.getOffsetDateTime("start_time").toInstant(), r.getOffsetDateTime("end_time").toInstant(),
                    r.getInteger("duration_minutes"), r.getString("location_type"), r.getString("time_zone"),
                    r.getString("status"));
        }
    }
}
