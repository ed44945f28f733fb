package com.instainstru.booking.reservation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.booking.availability.AvailabilityService;
import com.instainstru.booking.availability.AvailabilityStore;
import com.instainstru.booking.catalog.CatalogClient.InstructorView;
import com.instainstru.booking.catalog.CatalogClient.OfferingView;
import com.instainstru.booking.catalog.CatalogGateway;
import com.instainstru.booking.infra.ApiException;
import com.instainstru.booking.infra.BookingConfig;
import com.instainstru.booking.infra.EventOutbox;
import com.instainstru.booking.infra.OutboxRelay;
import com.instainstru.booking.reservation.BookingEvents.BookingCancelled;
import com.instainstru.booking.reservation.BookingEvents.BookingConcluded;
import com.instainstru.booking.reservation.BookingEvents.BookingCreated;
import com.instainstru.booking.reservation.BookingEvents.BookingRescheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Instant booking and the booking lifecycle: confirmed → completed | cancelled | no_show. */
@ApplicationScoped
public class BookingService {

    static final String STUDENT = "student";
    static final String INSTRUCTOR = "instructor";
    static final String ADMIN = "admin";

    @Inject
    Pool pool;

    @Inject
    BookingStore store;

    @Inject
    AvailabilityStore availability;

    @Inject
    IdempotencyKeys keys;

    @Inject
    CatalogGateway catalog;

    @Inject
    EventOutbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    BookingConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    StudentLimits limits;

    /** The answer to a create: the booking's JSON, and whether it is the replay of an earlier request. */
    public record Created(UUID bookingId, String body, boolean replayed) {
    }

    /** Who is acting on a booking. */
    public record Actor(UUID userId, boolean admin) {
    }

    // ---- create ----

    public Uni<Created> createBooking(UUID studentId, BookingRequest request, String idempotencyKey) {
        String key = checkKey(idempotencyKey);
        String hash = hash(request);
        Uni<Optional<IdempotencyKeys.Stored>> earlier = key == null ? Uni.createFrom().item(Optional.empty())
                : keys.replay(pool, studentId, key, hash);
        // A retry gets its first answer even after the lesson's start; only new requests are checked.
        return earlier.flatMap(stored -> stored.isPresent()
                ? Uni.createFrom().item(new Created(null, stored.get().body(), true))
                : Uni.createFrom().item(request).invoke(this::checkNewRequest).chain(r -> catalog.activeInstructor(r.instructorId()))
                        .map(view -> terms(view, request))
                        .flatMap(terms -> retryOnDeadlock(pool.withTransaction(conn -> (key == null
                                ? Uni.createFrom().item(true) : keys.claim(conn, studentId, key, hash))
                                .flatMap(claimed -> claimed ? insertNew(conn, studentId, request, terms, key)
                                        : keys.replay(conn, studentId, key, hash).map(again -> new Created(null,
                                                again.orElseThrow(() -> ApiException.conflict("a request with this "
                                                        + "Idempotency-Key is still in progress")).body(), true))))))
                        .invoke(relay::wakeUp));
    }

    private void checkNewRequest(BookingRequest request) {
        AvailabilityService.checkDuration("durationMinutes", request.durationMinutes());
        if (request.startTime().toInstant().isBefore(clock.instant())) {
            throw ApiException.invalid("startTime", "is in the past");
        }
    }

    /** Forgets Idempotency-Keys older than the retention (retries come within minutes, not days). */
    public Uni<Integer> purgeIdempotencyKeys() {
        return pool.preparedQuery("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => $1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of((double) config.rules().idempotencyRetention().toSeconds()))
                .map(rows -> rows.rowCount());
    }

    /** The catalog's live terms for this request: instructor active, offering theirs, length and place offered. */
    record Terms(InstructorView instructor, OfferingView offering, BigDecimal totalPrice) {
    }

    private static Terms terms(Optional<InstructorView> found, BookingRequest r) {
        InstructorView instructor = found.orElseThrow(() -> ApiException.invalid("instructorId",
                "no active instructor " + r.instructorId()));
        OfferingView offering = instructor.offerings().stream()
                .filter(o -> o.id().equals(r.instructorServiceId()) && o.active()).findFirst()
                .orElseThrow(() -> ApiException.invalid("instructorServiceId", "this instructor has no active offering "
                        + r.instructorServiceId()));
        if (!offering.durationOptions().contains(r.durationMinutes())) {
            throw ApiException.invalid("durationMinutes", r.durationMinutes() + " minutes is not offered; choose one of "
                    + offering.durationOptions());
        }
        if (!offering.locationTypes().contains(r.locationType().toString())) {
            throw ApiException.invalid("locationType", r.locationType() + " is not offered; choose one of "
                    + offering.locationTypes());
        }
        return new Terms(instructor, offering, price(offering.hourlyRate(), r.durationMinutes()));
    }

    /** Price = hourly rate × minutes / 60, to the cent. */
    static BigDecimal price(BigDecimal hourlyRate, int minutes) {
        return hourlyRate.multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private Uni<Created> insertNew(SqlConnection conn, UUID studentId, BookingRequest r, Terms terms, String key) {
        Instant start = r.startTime().toInstant();
        return checkedSchedule(conn, r.instructorId(), start, r.durationMinutes())
                .call(snapshot -> limits.check(conn, studentId, r.instructorId(), start, snapshot.rules().zone()))
                .flatMap(snapshot -> store.insert(conn, new BookingStore.NewBooking(UUID.randomUUID(), studentId,
                        r.instructorId(), terms.offering().id(), terms.offering().catalogServiceId(),
                        terms.offering().serviceName(), terms.instructor().name(), start, r.durationMinutes(),
                        snapshot.rules().bufferMinutes(), terms.offering().hourlyRate(), terms.totalPrice(),
                        r.locationType().toString(), r.meetingLocation(), r.note(), snapshot.rules().zone().getId(), null)))
                .call(booking -> outbox.record(conn, BookingCreated.TYPE, BookingCreated.of(booking)))
                .flatMap(booking -> {
                    String body = write(booking);
                    return (key == null ? Uni.createFrom().voidItem()
                            : keys.store(conn, studentId, key, booking.id(), 201, body))
                            .replaceWith(new Created(booking.id(), body, false));
                });
    }

    /** The instructor's schedule around the lesson, refusing a time it does not allow. */
    private Uni<AvailabilityStore.Snapshot> checkedSchedule(SqlConnection conn, UUID instructorId, Instant start,
            int minutes) {
        LocalDate day = start.atOffset(ZoneOffset.UTC).toLocalDate();
        return availability.snapshot(conn, instructorId, day.minusDays(1), day.plusDays(1)).invoke(snapshot ->
                snapshot.schedule(clock.instant()).refusal(start, minutes).ifPresent(reason -> {
                    if (reason.startsWith("lessons start")) {
                        throw ApiException.invalid("startTime", reason);
                    }
                    throw ApiException.conflict(reason);
                }));
    }

    /**
     * Concurrent inserts that conflict on both exclusion constraints can wait on each other; PostgreSQL
     * then aborts one of them (40P01). Run again, that transaction sees the winner and is refused with a
     * 409, or succeeds if the winner was itself refused.
     */
    private static <T> Uni<T> retryOnDeadlock(Uni<T> transaction) {
        return transaction.onFailure(BookingService::isTransient).retry()
                .withBackOff(Duration.ofMillis(5), Duration.ofMillis(50)).atMost(5);
    }

    static boolean isTransient(Throwable failure) {
        return failure instanceof io.vertx.pgclient.PgException pg
                && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
    }

    // ---- lifecycle ----

    public Uni<Booking> cancelBooking(Actor actor, UUID id, String reason) {
        return pool.withTransaction(conn -> visible(conn, actor, id, true).flatMap(b -> {
                    requireConfirmedAndAhead(b, "cancelled");
                    boolean late = Duration.between(clock.instant(), b.startTime().toInstant())
                            .compareTo(config.rules().lateCancellation()) < 0;
                    return store.cancel(conn, id, role(actor, b), reason, late).map(Optional::orElseThrow);
                }).call(b -> outbox.record(conn, BookingCancelled.TYPE, BookingCancelled.of(b))))
                .invoke(relay::wakeUp);
    }

    /** One atomic step: the old booking cancelled and the new one created, or neither. */
    public Uni<Booking> rescheduleBooking(Actor actor, UUID id, BookingActions.RescheduleRequest request) {
        if (request.startTime().toInstant().isBefore(clock.instant())) {
            throw ApiException.invalid("startTime", "is in the past");
        }
        // The instructor and the offering must still be bookable (asked outside the transaction).
        return visible(pool, actor, id, false)
                .flatMap(current -> catalog.activeInstructor(current.instructorId()).invoke(view -> {
                    boolean offered = view.map(v -> v.offerings().stream()
                            .anyMatch(o -> o.id().equals(current.instructorServiceId()) && o.active())).orElse(false);
                    if (!offered) {
                        throw ApiException.conflict("the instructor no longer takes bookings for this lesson");
                    }
                }))
                .chain(() -> moveBooking(actor, id, request));
    }

    private Uni<Booking> moveBooking(Actor actor, UUID id, BookingActions.RescheduleRequest request) {
        return retryOnDeadlock(pool.withTransaction(conn -> visible(conn, actor, id, true).flatMap(old -> {
                    requireConfirmedAndAhead(old, "rescheduled");
                    int minutes = request.durationMinutes() == null ? old.durationMinutes() : request.durationMinutes();
                    if (minutes != old.durationMinutes()) {
                        throw ApiException.invalid("durationMinutes", "a reschedule keeps the lesson's length; "
                                + "cancel and book again to change it");
                    }
                    Instant start = request.startTime().toInstant();
                    String reason = request.reason() == null ? "rescheduled" : "rescheduled: " + request.reason();
                    boolean late = Duration.between(clock.instant(), old.startTime().toInstant())
                            .compareTo(config.rules().lateCancellation()) < 0;
                    return store.cancel(conn, id, role(actor, old), reason, late).map(Optional::orElseThrow)
                            .flatMap(cancelled -> checkedSchedule(conn, old.instructorId(), start, minutes)
                                    .call(snapshot -> limits.check(conn, old.studentId(), old.instructorId(), start,
                                            snapshot.rules().zone()))
                                    .flatMap(snapshot -> store.insert(conn, new BookingStore.NewBooking(UUID.randomUUID(),
                                            old.studentId(), old.instructorId(), old.instructorServiceId(),
                                            old.serviceId(), old.serviceName(), old.instructorName(), start, minutes,
                                            snapshot.rules().bufferMinutes(), old.hourlyRate(), old.totalPrice(),
                                            old.locationType(), old.meetingLocation(), old.note(),
                                            snapshot.rules().zone().getId(), old.id())))
                                    .call(created -> outbox.record(conn, BookingRescheduled.TYPE,
                                            BookingRescheduled.of(cancelled, created))));
                })))
                .invoke(relay::wakeUp);
    }

    /** The instructor (or an admin) records that the student did not come; only once the lesson has started. */
    public Uni<Booking> markNoShow(Actor actor, UUID id) {
        return pool.withTransaction(conn -> visible(conn, actor, id, true).flatMap(b -> {
                    if (!actor.admin() && !b.instructorId().equals(actor.userId())) {
                        throw ApiException.forbidden("only the instructor records a no-show");
                    }
                    // Lessons are marked completed when they end; the instructor may still report a no-show
                    // for two days after the start.
                    if (!Booking.CONFIRMED.equals(b.status()) && !"completed".equals(b.status())) {
                        throw ApiException.conflict("the booking is " + b.status());
                    }
                    if (b.startTime().toInstant().isAfter(clock.instant())) {
                        throw ApiException.conflict("a no-show can be recorded only after the lesson's start");
                    }
                    if (b.startTime().toInstant().isBefore(clock.instant().minus(Duration.ofHours(48)))) {
                        throw ApiException.conflict("a no-show can be recorded up to 48 hours after the lesson's start");
                    }
                    return store.markNoShow(conn, id, clock.instant()).map(Optional::orElseThrow);
                }).call(b -> outbox.record(conn, BookingConcluded.NO_SHOW, BookingConcluded.of(b))))
                .invoke(relay::wakeUp);
    }

    /**
     * The instructor (or an admin) marks a lesson completed once it has started (the job does so for every lesson
     * that has ended). Marking it again is a 409 saying it is completed.
     */
    public Uni<Booking> markCompleted(Actor actor, UUID id) {
        return pool.withTransaction(conn -> visible(conn, actor, id, true).flatMap(b -> {
                    if (!actor.admin() && !b.instructorId().equals(actor.userId())) {
                        throw ApiException.forbidden("only the instructor marks a lesson completed");
                    }
                    if (!Booking.CONFIRMED.equals(b.status())) {
                        throw ApiException.conflict("the booking is " + b.status().replace('_', '-'));
                    }
                    if (b.startTime().toInstant().isAfter(clock.instant())) {
                        throw ApiException.conflict("a lesson can be marked completed only once it has started");
                    }
                    return store.markCompleted(conn, id, clock.instant()).map(Optional::orElseThrow);
                }).call(b -> outbox.record(conn, BookingConcluded.COMPLETED, BookingConcluded.of(b))))
                .invoke(relay::wakeUp);
    }

    /** Marks every confirmed lesson that has ended as completed; returns how many. */
    public Uni<Integer> completeEndedLessons() {
        return pool.withTransaction(conn -> store.completeEnded(conn, 500, clock.instant()).call(done -> outbox.record(conn,
                        done.stream().map(b -> new EventOutbox.Event(BookingConcluded.COMPLETED, BookingConcluded.of(b)))
                                .toList())))
                .map(List::size)
                .invoke(n -> {
                    if (n > 0) {
                        relay.wakeUp();
                    }
                });
    }

    // ---- reads ----

    public Uni<Booking> booking(Actor actor, UUID id) {
        return visible(pool, actor, id, false);
    }

    public Uni<List<Booking>> bookings(Actor actor, String as, String status, java.time.OffsetDateTime from,
            java.time.OffsetDateTime to, int limit, int offset) {
        String column = switch (as) {
            case STUDENT -> "student_id";
            case INSTRUCTOR -> "instructor_id";
            default -> null;
        };
        return store.list(pool, column, column == null ? null : actor.userId(), status, from, to, limit, offset);
    }

    public Uni<Long> futureBookings(UUID instructorId) {
        return store.futureCount(pool, instructorId, clock.instant());
    }

    /** Lessons by status of each instructor, starting in [from, to) (null: unbounded). */
    public Uni<List<InstructorStats>> instructorStats(List<UUID> instructorIds, java.time.OffsetDateTime from,
            java.time.OffsetDateTime to) {
        return store.stats(pool, instructorIds, from, to, clock.instant());
    }

    /** A booking the actor is a party to (or any, for an admin); others get 404 so ids cannot be probed. */
    private Uni<Booking> visible(io.vertx.mutiny.sqlclient.SqlClient sql, Actor actor, UUID id, boolean forUpdate) {
        return store.find(sql, id, forUpdate).map(found -> found.filter(b -> actor.admin() || b.involves(actor.userId()))
                .orElseThrow(() -> ApiException.notFound("booking", id)));
    }

    private void requireConfirmedAndAhead(Booking b, String action) {
        if (!Booking.CONFIRMED.equals(b.status())) {
            throw ApiException.conflict("only a confirmed booking can be " + action + "; this one is " + b.status());
        }
        if (!b.startTime().toInstant().isAfter(clock.instant())) {
            throw ApiException.conflict("the lesson has already started");
        }
    }

    private static String role(Actor actor, Booking b) {
        if (b.studentId().equals(actor.userId())) {
            return STUDENT;
        }
        return b.instructorId().equals(actor.userId()) ? INSTRUCTOR : ADMIN;
    }

    private static String checkKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c < 0x7f)) {
            throw ApiException.invalid("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    private String hash(BookingRequest request) {
        try {
            byte[] canonical = json.writeValueAsBytes(new BookingRequest(request.instructorId(),
                    request.instructorServiceId(), request.startTime().withOffsetSameInstant(ZoneOffset.UTC),
                    request.durationMinutes(), request.locationType(), request.meetingLocation(), request.note()));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Booking booking) {
        try {
            return json.writeValueAsString(booking);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
