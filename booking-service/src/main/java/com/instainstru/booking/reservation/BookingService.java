package com.instainstru.booking.reservation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.booking.availability.AvailabilityService;
import com.instainstru.booking.availability.AvailabilityStore;
import com.instainstru.booking.availability.Schedule;
import com.instainstru.booking.catalog.CatalogClient.InstructorView;
import com.instainstru.booking.catalog.CatalogClient.OfferingView;
import com.instainstru.booking.catalog.CatalogGateway;
import com.instainstru.booking.infra.BookingConfig;
import com.instainstru.booking.reservation.BookingEvents.BookingCancelled;
import com.instainstru.booking.reservation.BookingEvents.BookingConcluded;
import com.instainstru.booking.reservation.BookingEvents.BookingCreated;
import com.instainstru.booking.reservation.BookingEvents.BookingRescheduled;
import com.instainstru.booking.reservation.BookingStore.NewBooking;
import com.instainstru.platform.outbox.EventOutbox;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.sql.TransientConflicts;
import com.instainstru.platform.web.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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
import java.util.function.Consumer;
import java.util.function.Function;

/** Instant booking and the booking lifecycle: confirmed → completed | cancelled | no_show. */
@ApplicationScoped
public class BookingService {

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
    BookingConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    StudentLimits limits;

    @Inject
    BookingMetrics metrics;

    /** The answer to a create: the booking's JSON, and whether it is the replay of an earlier request. */
    public record Created(UUID bookingId, String body, boolean replayed) {
    }

    /** Who is acting on a booking. */
    public record Actor(UUID userId, boolean admin) {
    }

    // ---- create ----

    /** One create request: who asks, what, and its Idempotency-Key (null: none) with the request's hash. */
    private record Attempt(UUID studentId, BookingRequest request, String key, String hash) {
    }

    /**
     * Books a lesson: a retry of a key gets the first answer (even after the lesson's start); a new request is
     * checked, priced from the catalog's live terms, and booked in one transaction with its event and its key.
     */
    public Uni<Created> createBooking(UUID studentId, BookingRequest request, String idempotencyKey) {
        Attempt attempt = new Attempt(studentId, request, checkKey(idempotencyKey), hash(request));
        return earlierAnswer(attempt)
                .flatMap(earlier -> earlier.isPresent()
                        ? Uni.createFrom().item(replayOf(earlier.get()))
                        : bookNew(attempt))
                .invoke(metrics::created)
                .onFailure().invoke(metrics::refused);
    }

    private Uni<Optional<IdempotencyKeys.Stored>> earlierAnswer(Attempt attempt) {
        if (attempt.key() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return keys.replay(pool, attempt.studentId(), attempt.key(), attempt.hash());
    }

    private Uni<Created> bookNew(Attempt attempt) {
        return Uni.createFrom().item(attempt.request())
                .invoke(this::checkNewRequest)
                .chain(request -> catalog.activeInstructor(request.instructorId()))
                .map(instructor -> terms(instructor, attempt.request()))
                .chain(terms -> retryingTransaction(conn -> claimAndInsert(conn, attempt, terms)));
    }

    private void checkNewRequest(BookingRequest request) {
        AvailabilityService.checkDuration("durationMinutes", request.durationMinutes());
        if (request.startTime().toInstant().isBefore(clock.instant())) {
            throw ApiException.invalid("startTime", "is in the past");
        }
    }

    /** Claims the key (a concurrent request with it waits here) and books; or answers what the other one did. */
    private Uni<Created> claimAndInsert(SqlConnection conn, Attempt attempt, Terms terms) {
        return claimKey(conn, attempt)
                .chain(claimed -> claimed
                        ? insertNew(conn, attempt, terms)
                        : answerOfConcurrentRequest(conn, attempt));
    }

    private Uni<Boolean> claimKey(SqlConnection conn, Attempt attempt) {
        if (attempt.key() == null) {
            return Uni.createFrom().item(true);
        }
        return keys.claim(conn, attempt.studentId(), attempt.key(), attempt.hash());
    }

    private Uni<Created> answerOfConcurrentRequest(SqlConnection conn, Attempt attempt) {
        return keys.replay(conn, attempt.studentId(), attempt.key(), attempt.hash())
                .map(stored -> stored.orElseThrow(() -> ApiException.conflict(
                        "a request with this Idempotency-Key is still in progress")))
                .map(BookingService::replayOf);
    }

    private Uni<Created> insertNew(SqlConnection conn, Attempt attempt, Terms terms) {
        BookingRequest r = attempt.request();
        Instant start = r.startTime().toInstant();
        return insertAllowed(conn, attempt.studentId(), r.instructorId(), start, r.durationMinutes(),
                        rules -> newBooking(attempt, terms, rules))
                .call(booking -> outbox.record(conn, BookingCreated.TYPE, BookingCreated.of(booking)))
                .chain(booking -> rememberAnswer(conn, attempt, booking));
    }

    private static NewBooking newBooking(Attempt attempt, Terms terms, Schedule.Rules rules) {
        BookingRequest r = attempt.request();
        OfferingView offering = terms.offering();
        return new NewBooking(UUID.randomUUID(), attempt.studentId(), r.instructorId(), offering.id(),
                offering.catalogServiceId(), offering.serviceName(), terms.instructor().name(),
                r.startTime().toInstant(), r.durationMinutes(), rules.bufferMinutes(), offering.hourlyRate(),
                terms.totalPrice(), r.locationType(), r.meetingLocation(), r.note(), rules.zone().getId(), null);
    }

    /** The answer, stored with the key in the booking's transaction so that a retry gets it. */
    private Uni<Created> rememberAnswer(SqlConnection conn, Attempt attempt, Booking booking) {
        Created created = new Created(booking.id(), write(booking), false);
        if (attempt.key() == null) {
            return Uni.createFrom().item(created);
        }
        return keys.store(conn, attempt.studentId(), attempt.key(), booking.id(), 201, created.body())
                .replaceWith(created);
    }

    private static Created replayOf(IdempotencyKeys.Stored stored) {
        return new Created(null, stored.body(), true);
    }

    /** Forgets Idempotency-Keys older than the retention (retries come within minutes, not days). */
    public Uni<Integer> purgeIdempotencyKeys() {
        return pool.preparedQuery("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.rules().idempotencyRetention().toSeconds()))
                .map(RowSet::rowCount);
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
        if (!offering.locationTypes().contains(r.locationType())) {
            throw ApiException.invalid("locationType", r.locationType() + " is not offered; choose one of "
                    + offering.locationTypes());
        }
        return new Terms(instructor, offering, price(offering.hourlyRate(), r.durationMinutes()));
    }

    /** Price = hourly rate × minutes / 60, to the cent. */
    static BigDecimal price(BigDecimal hourlyRate, int minutes) {
        return hourlyRate.multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /**
     * Inserts a lesson the instructor's schedule and the student's limits allow; the exclusion constraints
     * have the last word on overlaps.
     */
    private Uni<Booking> insertAllowed(SqlConnection conn, UUID studentId, UUID instructorId, Instant start, int minutes,
            Function<Schedule.Rules, NewBooking> booking) {
        return scheduleRules(conn, instructorId, start, minutes)
                .call(rules -> limits.check(conn, studentId, instructorId, start, rules.zone()))
                .chain(rules -> store.insert(conn, booking.apply(rules)));
    }

    /** The instructor's rules, once their schedule around the lesson is seen to allow it. */
    private Uni<Schedule.Rules> scheduleRules(SqlConnection conn, UUID instructorId, Instant start, int minutes) {
        LocalDate day = start.atOffset(ZoneOffset.UTC).toLocalDate();
        return availability.snapshot(conn, instructorId, day.minusDays(1), day.plusDays(1))
                .invoke(snapshot -> snapshot.schedule(clock.instant()).refusal(start, minutes).ifPresent(refusal -> {
                    throw refused(refusal);
                }))
                .map(AvailabilityStore.Snapshot::rules);
    }

    /** A start off the grid is a malformed request (400); any other refusal means the time is not available (409). */
    static ApiException refused(Schedule.Refusal refusal) {
        return switch (refusal.kind()) {
            case OFF_GRID -> ApiException.invalid("startTime", refusal.reason());
            case ACROSS_MIDNIGHT, OUTSIDE_WINDOWS, BLACKOUT, PAST, TOO_SOON, BEYOND_HORIZON, TAKEN ->
                    ApiException.conflict(refusal.reason());
        };
    }

    /**
     * A transaction, run again when PostgreSQL aborts it as deadlocked or not serializable: concurrent
     * inserts that conflict on both exclusion constraints can wait on each other, and PostgreSQL aborts one
     * of them (40P01). Run again, that transaction sees the winner and is refused with a 409, or succeeds
     * if the winner was itself refused.
     */
    private <T> Uni<T> retryingTransaction(Function<SqlConnection, Uni<T>> work) {
        return TransientConflicts.retried(pool.withTransaction(work));
    }

    // ---- lifecycle ----

    public Uni<Booking> cancelBooking(Actor actor, UUID id, String reason) {
        return pool.withTransaction(conn -> visible(conn, actor, id, true)
                .invoke(b -> requireConfirmedAndAhead(b, "cancelled"))
                .chain(b -> store.cancel(conn, id, role(actor, b), reason, isLate(b)))
                .map(Optional::orElseThrow)
                .call(b -> outbox.record(conn, BookingCancelled.TYPE, BookingCancelled.of(b))));
    }

    /** One atomic step: the old booking cancelled and the new one created, or neither. */
    public Uni<Booking> rescheduleBooking(Actor actor, UUID id, BookingActions.RescheduleRequest request) {
        if (request.startTime().toInstant().isBefore(clock.instant())) {
            throw ApiException.invalid("startTime", "is in the past");
        }
        // The instructor and the offering must still be bookable (asked outside the transaction).
        return visible(pool, actor, id, false)
                .call(this::requireStillOffered)
                .chain(() -> moveBooking(actor, id, request));
    }

    private Uni<Void> requireStillOffered(Booking current) {
        return catalog.activeInstructor(current.instructorId())
                .map(instructor -> instructor.map(v -> v.offerings().stream()
                        .anyMatch(o -> o.id().equals(current.instructorServiceId()) && o.active())).orElse(false))
                .invoke(offered -> {
                    if (!offered) {
                        throw ApiException.conflict("the instructor no longer takes bookings for this lesson");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Booking> moveBooking(Actor actor, UUID id, BookingActions.RescheduleRequest request) {
        return retryingTransaction(conn -> visible(conn, actor, id, true)
                .invoke(old -> checkMovable(old, request))
                .chain(old -> cancelForMove(conn, actor, old, request))
                .chain(cancelled -> bookInstead(conn, cancelled, request.startTime().toInstant())));
    }

    private void checkMovable(Booking old, BookingActions.RescheduleRequest request) {
        requireConfirmedAndAhead(old, "rescheduled");
        if (request.durationMinutes() != null && request.durationMinutes() != old.durationMinutes()) {
            throw ApiException.invalid("durationMinutes", "a reschedule keeps the lesson's length; "
                    + "cancel and book again to change it");
        }
    }

    private Uni<Booking> cancelForMove(SqlConnection conn, Actor actor, Booking old,
            BookingActions.RescheduleRequest request) {
        String reason = request.reason() == null ? "rescheduled" : "rescheduled: " + request.reason();
        return store.cancel(conn, old.id(), role(actor, old), reason, isLate(old))
                .map(Optional::orElseThrow);
    }

    /** The same lesson at the new time, announced with the one it replaces. */
    private Uni<Booking> bookInstead(SqlConnection conn, Booking cancelled, Instant start) {
        return insertAllowed(conn, cancelled.studentId(), cancelled.instructorId(), start, cancelled.durationMinutes(),
                        rules -> movedBooking(cancelled, start, rules))
                .call(created -> outbox.record(conn, BookingRescheduled.TYPE, BookingRescheduled.of(cancelled, created)));
    }

    private static NewBooking movedBooking(Booking old, Instant start, Schedule.Rules rules) {
        return new NewBooking(UUID.randomUUID(), old.studentId(), old.instructorId(), old.instructorServiceId(),
                old.serviceId(), old.serviceName(), old.instructorName(), start, old.durationMinutes(),
                rules.bufferMinutes(), old.hourlyRate(), old.totalPrice(), old.locationType(), old.meetingLocation(),
                old.note(), rules.zone().getId(), old.id());
    }

    /** Closer to the start than the late-cancellation rule allows. */
    private boolean isLate(Booking b) {
        return Duration.between(clock.instant(), b.startTime().toInstant())
                .compareTo(config.rules().lateCancellation()) < 0;
    }

    /** The instructor (or an admin) records that the student did not come; only once the lesson has started. */
    public Uni<Booking> markNoShow(Actor actor, UUID id) {
        return conclude(actor, id, b -> checkNoShow(actor, b), store::markNoShow, BookingConcluded.NO_SHOW);
    }

    private void checkNoShow(Actor actor, Booking b) {
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
    }

    /**
     * The instructor (or an admin) marks a lesson completed once it has started (the job does so for every lesson
     * that has ended). Marking it again is a 409 saying it is completed.
     */
    public Uni<Booking> markCompleted(Actor actor, UUID id) {
        return conclude(actor, id, b -> checkCompletable(actor, b), store::markCompleted, BookingConcluded.COMPLETED);
    }

    private void checkCompletable(Actor actor, Booking b) {
        if (!actor.admin() && !b.instructorId().equals(actor.userId())) {
            throw ApiException.forbidden("only the instructor marks a lesson completed");
        }
        if (!Booking.CONFIRMED.equals(b.status())) {
            throw ApiException.conflict("the booking is " + b.status().replace('_', '-'));
        }
        if (b.startTime().toInstant().isAfter(clock.instant())) {
            throw ApiException.conflict("a lesson can be marked completed only once it has started");
        }
    }

    /** How a booking is concluded in the store: as of now, empty if it could not be. */
    private interface Conclusion {
        Uni<Optional<Booking>> mark(SqlClient sql, UUID id, Instant now);
    }

    /** Checks the booking (locked), concludes it and announces the conclusion, in one transaction. */
    private Uni<Booking> conclude(Actor actor, UUID id, Consumer<Booking> check, Conclusion conclusion, String event) {
        return pool.withTransaction(conn -> visible(conn, actor, id, true)
                .invoke(check)
                .chain(b -> conclusion.mark(conn, id, clock.instant()))
                .map(Optional::orElseThrow)
                .call(b -> outbox.record(conn, event, BookingConcluded.of(b))));
    }

    /** Marks every confirmed lesson that has ended as completed; returns how many. */
    public Uni<Integer> completeEndedLessons() {
        return pool.withTransaction(conn -> store.completeEnded(conn, 500, clock.instant())
                        .call(done -> outbox.record(conn, completedEvents(done))))
                .map(List::size);
    }

    private static List<EventOutbox.Event> completedEvents(List<Booking> completed) {
        return completed.stream()
                .map(b -> new EventOutbox.Event(BookingConcluded.COMPLETED, BookingConcluded.of(b)))
                .toList();
    }

    // ---- reads ----

    public Uni<Booking> booking(Actor actor, UUID id) {
        return visible(pool, actor, id, false);
    }

    /** A page of the actor's bookings (as student or instructor; every booking for "all"), by start time. */
    public Uni<BookingPage> bookings(Actor actor, String as, BookingPage.Filter filter, java.time.OffsetDateTime from,
            java.time.OffsetDateTime to, int limit, String cursor) {
        String column = switch (as) {
            case Caller.STUDENT -> "student_id";
            case Caller.INSTRUCTOR -> "instructor_id";
            default -> null;
        };
        return store.list(pool, column, column == null ? null : actor.userId(), filter, from, to, limit + 1,
                        BookingPage.After.parse(cursor, filter))
                .map(found -> BookingPage.of(found, limit, filter));
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
    private Uni<Booking> visible(SqlClient sql, Actor actor, UUID id, boolean forUpdate) {
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
            return Caller.STUDENT;
        }
        return b.instructorId().equals(actor.userId()) ? Caller.INSTRUCTOR : Caller.ADMIN;
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
