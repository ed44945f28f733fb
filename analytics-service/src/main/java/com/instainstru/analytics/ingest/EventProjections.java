package com.instainstru.analytics.ingest;

import static com.instainstru.platform.streams.EventFields.dateTime;
import static com.instainstru.platform.streams.EventFields.optionalDateTime;
import static com.instainstru.platform.streams.EventFields.optionalText;
import static com.instainstru.platform.streams.EventFields.optionalUuid;
import static com.instainstru.platform.streams.EventFields.platformCurrency;
import static com.instainstru.platform.streams.EventFields.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores an event in the event log and applies it to the facts the jobs read (bookings, searches, clicks,
 * the catalog). The platform's stream consumer calls it once per event id; every projection is an upsert
 * that gives the same rows if applied again, so a replay older than the consumer's memory changes nothing
 * either. Fields are parsed here, so a malformed payload is logged and kept in the log but changes no fact
 * (retrying it could not make it valid).
 */
@ApplicationScoped
public class EventProjections {

    /**
     * Stores the event and applies it; returns whether it was applied (false: its payload is malformed, it is
     * kept in the log only). An envelope without a type or a valid occurredAt is refused
     * ({@link IllegalArgumentException}: the consumer skips it).
     */
    public Uni<Boolean> record(SqlConnection conn, String stream, JsonNode event) {
        OffsetDateTime at = dateTime(event, "occurredAt");
        String type = event.path("type").asText("");
        if (type.isBlank()) {
            throw new IllegalArgumentException("the envelope has no type");
        }
        JsonNode payload = event.path("payload");
        return conn.preparedQuery("""
                        INSERT INTO event_log (event_id, stream, type, occurred_at, source, version, payload)
                        VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.from(Arrays.asList(uuid(event, "id"), stream, type, at,
                        event.path("source").asText(""), event.path("version").asInt(1),
                        new JsonObject(payload.isObject() ? payload.toString() : "{}"))))
                .flatMap(logged -> applySafely(conn, type, payload, at, event));
    }

    private Uni<Boolean> applySafely(SqlConnection conn, String type, JsonNode p, OffsetDateTime at, JsonNode event) {
        Uni<?> applied;
        try {
            applied = apply(conn, type, p, at, event);
        } catch (RuntimeException invalid) {
            Log.warnf("Event %s (%s) is kept in the log but not applied: %s", event.path("id").asText(), type,
                    invalid.toString());
            return Uni.createFrom().item(false);
        }
        return applied.replaceWith(true);
    }

    private Uni<?> apply(SqlConnection conn, String type, JsonNode p, OffsetDateTime at, JsonNode event) {
        return switch (type) {
            case "booking.created" -> bookingCreated(conn, p, at);
            case "booking.cancelled" -> bookingCancelled(conn, p, at);
            case "booking.rescheduled" -> bookingRescheduled(conn, p, at);
            case "booking.completed" -> bookingConcluded(conn, p, at, "completed_at");
            case "booking.no-show" -> bookingConcluded(conn, p, at, "no_show_at");
            case "search.performed" -> searchPerformed(conn, p, at);
            case "search.result-clicked" -> conn.preparedQuery("""
                            INSERT INTO search_click (event_id, search_id, instructor_id, service_id, position, occurred_at)
                            VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING""")
                    .execute(Tuple.from(Arrays.asList(uuid(event, "id"), uuid(p, "searchId"),
                            (optionalUuid(p, "instructorId")), (optionalUuid(p, "serviceId")),
                            (p.hasNonNull("position") ? p.get("position").asInt() : null), at)));
            case "catalog-service.upserted" -> catalogService(conn, p, at);
            case "instructor.upserted" -> instructor(conn, uuid(p, "instructorId"), optionalText(p, "name"),
                    optionalText(p, "status"), at);
            case "instructor.status-changed" -> instructor(conn, uuid(p, "instructorId"), null, optionalText(p, "status"), at);
            case "offering.upserted" -> offering(conn, p, at, !p.has("active") || p.get("active").asBoolean());
            case "offering.removed" -> offering(conn, p, at, false);
            default -> Uni.createFrom().voidItem(); // tolerant reader: types we do not use (availability.changed...)
        };
    }

    private static final String BOOKING_FIELDS = "student_id, instructor_id, service_id, start_time, total_price";

    /** The fields every booking event carries, in {@link #BOOKING_FIELDS} order (its totalPrice in USD). */
    private static List<Object> bookingFields(JsonNode p) {
        platformCurrency(p);
        List<Object> values = new ArrayList<>();
        values.add((optionalUuid(p, "studentId")));
        values.add(uuid(p, "instructorId"));
        values.add(uuid(p, "serviceId"));
        values.add(optionalDateTime(p, "startTime"));
        values.add((p.hasNonNull("totalPrice") ? new BigDecimal(p.get("totalPrice").asText()) : null));
        return values;
    }

    private static final String FILL_MISSING = """
            student_id = coalesce(booking_fact.student_id, EXCLUDED.student_id),
            instructor_id = coalesce(booking_fact.instructor_id, EXCLUDED.instructor_id),
            service_id = coalesce(booking_fact.service_id, EXCLUDED.service_id),
            start_time = coalesce(booking_fact.start_time, EXCLUDED.start_time),
            total_price = coalesce(booking_fact.total_price, EXCLUDED.total_price),
            duration_minutes = coalesce(booking_fact.duration_minutes, EXCLUDED.duration_minutes)""";

    private Uni<?> bookingCreated(SqlConnection conn, JsonNode p, OffsetDateTime at) {
        List<Object> values = new ArrayList<>(List.of(uuid(p, "bookingId")));
        values.addAll(bookingFields(p));
        values.add((p.hasNonNull("durationMinutes") ? p.get("durationMinutes").asInt() : null));
        values.add(at);
        return conn.preparedQuery("INSERT INTO booking_fact (booking_id, " + BOOKING_FIELDS
                        + ", duration_minutes, booked_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) "
                        + "ON CONFLICT (booking_id) DO UPDATE SET " + FILL_MISSING + """
                        , booked_at = coalesce(booking_fact.booked_at, EXCLUDED.booked_at),
                          recorded_at = coalesce(booking_fact.recorded_at, EXCLUDED.recorded_at)""")
                .execute(Tuple.from(values));
    }

    private Uni<?> bookingCancelled(SqlConnection conn, JsonNode p, OffsetDateTime at) {
        List<Object> values = new ArrayList<>(List.of(uuid(p, "bookingId")));
        values.addAll(bookingFields(p));
        values.add((p.hasNonNull("durationMinutes") ? p.get("durationMinutes").asInt() : null));
        values.add(at);
        values.add(p.path("late").asBoolean(false));
        values.add((optionalText(p, "cancelledBy")));
        return conn.preparedQuery("INSERT INTO booking_fact (booking_id, " + BOOKING_FIELDS
                        + ", duration_minutes, cancelled_at, late_cancel, cancelled_by) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                        + "ON CONFLICT (booking_id) DO UPDATE SET " + FILL_MISSING + """
                        , cancelled_at = coalesce(booking_fact.cancelled_at, EXCLUDED.cancelled_at),
                          late_cancel = EXCLUDED.late_cancel, cancelled_by = EXCLUDED.cancelled_by""")
                .execute(Tuple.from(values));
    }

    /** The previous booking ends at `at`; the new one starts to exist then, keeping the chain's booked_at. */
    private Uni<?> bookingRescheduled(SqlConnection conn, JsonNode p, OffsetDateTime at) {
        UUID previous = uuid(p, "previousBookingId");
        List<Object> values = new ArrayList<>(List.of(uuid(p, "bookingId")));
        values.addAll(bookingFields(p));
        values.add((p.hasNonNull("durationMinutes") ? p.get("durationMinutes").asInt() : null));
        values.add(at);
        values.add(previous);
        return conn.preparedQuery("UPDATE booking_fact SET rescheduled_at = coalesce(rescheduled_at, $2) "
                        + "WHERE booking_id = $1").execute(Tuple.of(previous, at))
                .chain(() -> conn.preparedQuery("INSERT INTO booking_fact (booking_id, " + BOOKING_FIELDS
                                + ", duration_minutes, booked_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                                + "coalesce((SELECT booked_at FROM booking_fact WHERE booking_id = $9), $8), $8) "
                                + "ON CONFLICT (booking_id) DO UPDATE SET " + FILL_MISSING + """
                                , booked_at = coalesce(booking_fact.booked_at, EXCLUDED.booked_at),
                                  recorded_at = coalesce(booking_fact.recorded_at, EXCLUDED.recorded_at)""")
                        .execute(Tuple.from(values)));
    }

    private Uni<?> bookingConcluded(SqlConnection conn, JsonNode p, OffsetDateTime at, String column) {
        List<Object> values = new ArrayList<>(List.of(uuid(p, "bookingId")));
        values.addAll(bookingFields(p));
        values.add(at);
        return conn.preparedQuery("INSERT INTO booking_fact (booking_id, " + BOOKING_FIELDS + ", " + column
                        + ") VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (booking_id) DO UPDATE SET " + FILL_MISSING
                        + ", " + column + " = coalesce(booking_fact." + column + ", EXCLUDED." + column + ")")
                .execute(Tuple.from(values));
    }

    private Uni<?> searchPerformed(SqlConnection conn, JsonNode p, OffsetDateTime at) {
        Set<UUID> services = new LinkedHashSet<>();
        for (JsonNode id : p.path("serviceIds")) {
            services.add(UUID.fromString(id.asText()));
        }
        return conn.preparedQuery("""
                        INSERT INTO search_fact (search_id, occurred_at, query, match_kind, service_ids, result_count,
                                                 latency_ms, user_id)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (search_id) DO NOTHING""")
                .execute(Tuple.from(Arrays.asList(uuid(p, "searchId"), at, p.path("query").asText(""),
                        p.path("matchKind").asText("none").toLowerCase(java.util.Locale.ROOT), services.toArray(new UUID[0]), p.path("resultCount").asInt(0),
                        (p.hasNonNull("latencyMs") ? p.get("latencyMs").asDouble() : null),
                        (optionalUuid(p, "userId")))));
    }

    private Uni<?> catalogService(SqlConnection conn, JsonNode p, OffsetDateTime at) {
        return conn.preparedQuery("""
                        INSERT INTO catalog_service_ref (service_id, slug, name, category_slug, category_name, active, as_of)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)
                        ON CONFLICT (service_id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name,
                            category_slug = EXCLUDED.category_slug, category_name = EXCLUDED.category_name,
                            active = EXCLUDED.active, as_of = EXCLUDED.as_of
                        WHERE catalog_service_ref.as_of <= EXCLUDED.as_of""")
                .execute(Tuple.from(Arrays.asList(uuid(p, "serviceId"), (optionalText(p, "slug")), (optionalText(p, "name")),
                        (optionalText(p, "categorySlug")), (optionalText(p, "categoryName")),
                        !p.has("active") || p.get("active").asBoolean(), at)));
    }

    /** An instructor's name and status; first_seen_at is the earliest event about them (a "new" instructor). */
    private Uni<?> instructor(SqlConnection conn, UUID id, String name, String status, OffsetDateTime at) {
        return conn.preparedQuery("""
                        INSERT INTO instructor_ref (instructor_id, name, status, first_seen_at, as_of)
                        VALUES ($1, $2, $3, $4, $4)
                        ON CONFLICT (instructor_id) DO UPDATE SET
                            name = CASE WHEN EXCLUDED.as_of >= instructor_ref.as_of
                                        THEN coalesce(EXCLUDED.name, instructor_ref.name) ELSE instructor_ref.name END,
                            status = CASE WHEN EXCLUDED.as_of >= instructor_ref.as_of
                                          THEN coalesce(EXCLUDED.status, instructor_ref.status) ELSE instructor_ref.status END,
                            first_seen_at = least(instructor_ref.first_seen_at, EXCLUDED.first_seen_at),
                            as_of = greatest(instructor_ref.as_of, EXCLUDED.as_of)""")
                .execute(Tuple.from(Arrays.asList(id, (name), (status), at)));
    }

    private Uni<?> offering(SqlConnection conn, JsonNode p, OffsetDateTime at, boolean active) {
        platformCurrency(p);
        return conn.preparedQuery("""
                        INSERT INTO offering_ref (offering_id, instructor_id, service_id, hourly_rate, active, as_of)
                        VALUES ($1, $2, $3, $4, $5, $6)
                        ON CONFLICT (offering_id) DO UPDATE SET instructor_id = EXCLUDED.instructor_id,
                            service_id = EXCLUDED.service_id,
                            hourly_rate = coalesce(EXCLUDED.hourly_rate, offering_ref.hourly_rate),
                            active = EXCLUDED.active, as_of = EXCLUDED.as_of
                        WHERE offering_ref.as_of <= EXCLUDED.as_of""")
                .execute(Tuple.from(Arrays.asList(uuid(p, "offeringId"), uuid(p, "instructorId"), uuid(p, "serviceId"),
                        (p.hasNonNull("hourlyRate") ? new BigDecimal(p.get("hourlyRate").asText()) : null),
                        active, at)));
    }
}
