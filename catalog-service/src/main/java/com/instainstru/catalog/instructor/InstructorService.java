package com.instainstru.catalog.instructor;

import com.instainstru.catalog.booking.FutureBookingCheck;
import com.instainstru.catalog.catalog.CatalogService;
import com.instainstru.catalog.events.InstructorStatusChanged;
import com.instainstru.catalog.events.InstructorUpserted;
import com.instainstru.catalog.infra.CacheKeys.ServiceRef;
import com.instainstru.catalog.infra.CacheKeys;
import com.instainstru.catalog.infra.OfferStats;
import com.instainstru.catalog.infra.ResponseCache;
import com.instainstru.catalog.infra.SessionOutbox;
import com.instainstru.catalog.instructor.StatusRequest.Action;
import com.instainstru.catalog.offering.Offering;
import com.instainstru.platform.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** Instructor profiles and the account lifecycle (active, suspended, deactivated). */
@ApplicationScoped
public class InstructorService {

    static final String DEFAULT_TIME_ZONE = "America/New_York";
    static final String SELF = "self";
    static final String ADMIN = "admin";

    @Inject
    AreaDirectory areas;

    @Inject
    SessionOutbox outbox;

    @Inject
    ResponseCache cache;

    @Inject
    FutureBookingCheck futureBookings;

    /** Creates the caller's profile (active) or replaces its fields; the status is not touched here. True if created. */
    public Uni<Boolean> upsertProfile(UUID instructorId, InstructorRequest request) {
        List<String> canonicalAreas = areas.canonicalise(request.areas());
        String zone = timeZone(request.timeZone());
        AtomicBoolean created = new AtomicBoolean();
        return Panache.withTransaction(() -> Instructor.<Instructor>findById(instructorId)
                        .map(existing -> {
                            created.set(existing == null);
                            return existing != null ? existing : newInstructor(instructorId);
                        })
                        .flatMap(instructor -> {
                            instructor.name = request.name().strip();
                            instructor.bio = request.bio();
                            instructor.yearsExperience = request.yearsExperience() == null ? 0 : request.yearsExperience();
                            instructor.timeZone = zone;
                            instructor.areas = canonicalAreas.toArray(String[]::new);
                            instructor.teachesOnline = Boolean.TRUE.equals(request.teachesOnline());
                            instructor.teachesAtStudio = Boolean.TRUE.equals(request.teachesAtStudio());
                            instructor.travelsToStudents = Boolean.TRUE.equals(request.travelsToStudents());
                            instructor.updatedAt = OffsetDateTime.now();
                            return instructor.<Instructor>persist();
                        })
                        // Flushed first, so the event carries the version the change gave the instructor.
                        .call(instructor -> Panache.getSession().flatMap(session -> session.flush()))
                        .call(instructor -> outbox.record(InstructorUpserted.TYPE, upserted(instructor))))
                .call(instructor -> offeredServices(instructorId).flatMap(services -> {
                    Set<String> keys = CacheKeys.forInstructorProfile(instructorId, services);
                    if (created.get()) {
                        keys.add(CacheKeys.ALL);
                    }
                    return cache.invalidate(keys);
                }))
                .map(instructor -> created.get());
    }

    /** The instructor's own change: pause, resume (only their own pause) or deactivate. */
    public Uni<Void> changeOwnStatus(UUID instructorId, StatusRequest request, String bearerToken) {
        if (!Set.of(Action.PAUSE, Action.RESUME, Action.DEACTIVATE).contains(request.action())) {
            throw ApiException.invalid("action", "an instructor may pause, resume or deactivate their account");
        }
        return changeStatus(instructorId, request, SELF, bearerToken);
    }

    /** An admin's change: suspend, reactivate or deactivate anyone. */
    public Uni<Void> changeStatusAsAdmin(UUID instructorId, StatusRequest request, String bearerToken) {
        if (!Set.of(Action.SUSPEND, Action.REACTIVATE, Action.DEACTIVATE).contains(request.action())) {
            throw ApiException.invalid("action", "an admin may suspend, reactivate or deactivate an account");
        }
        return changeStatus(instructorId, request, ADMIN, bearerToken);
    }

    private Uni<Void> changeStatus(UUID instructorId, StatusRequest request, String actor, String bearerToken) {
        return allowed(instructorId, request, bearerToken)
                .chain(() -> Panache.withTransaction(() -> existing(instructorId, LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(instructor -> applyStatus(instructor, request, actor))))
                .call(() -> forgetCachedOfferings(instructorId));
    }

    /**
     * The transition is possible (checked first, so a refused one never waits on booking-service), and a
     * deactivated instructor leaves no lesson ahead.
     */
    private Uni<Void> allowed(UUID instructorId, StatusRequest request, String bearerToken) {
        return Panache.withSession(() -> existing(instructorId)).flatMap(current -> {
            StatusRules.next(current.status, current.statusChangedBy, request.action());
            return request.action() == Action.DEACTIVATE
                    ? futureBookings.requireNoFutureBookings(instructorId, bearerToken)
                    : Uni.createFrom().voidItem();
        });
    }

    /** The new status on the (locked) instructor, their services' offer statistics, and the change on the outbox. */
    private Uni<Void> applyStatus(Instructor instructor, StatusRequest request, String actor) {
        AccountStatus previous = instructor.status;
        instructor.status = StatusRules.next(previous, instructor.statusChangedBy, request.action());
        instructor.statusChangedBy = actor;
        instructor.statusReason = request.reason();
        instructor.statusChangedAt = OffsetDateTime.now();
        instructor.updatedAt = instructor.statusChangedAt;
        return Offering.<Offering>list("instructorId", instructor.id)
                .flatMap(offerings -> OfferStats.refresh(offerings.stream().map(o -> o.catalogServiceId).toList()))
                .chain(() -> Panache.getSession().flatMap(session -> session.flush()))
                .chain(() -> outbox.record(InstructorStatusChanged.TYPE, new InstructorStatusChanged(
                        instructor.id, instructor.status.name(), previous.name(), actor, request.reason(),
                        instructor.version)));
    }

    private Uni<Void> forgetCachedOfferings(UUID instructorId) {
        return offeredServices(instructorId)
                .flatMap(services -> cache.invalidate(CacheKeys.forInstructorOfferings(instructorId, services)));
    }

    private Uni<Instructor> existing(UUID instructorId) {
        return existing(instructorId, LockModeType.NONE);
    }

    private Uni<Instructor> existing(UUID instructorId, LockModeType lock) {
        return Instructor.<Instructor>findById(instructorId, lock)
                .onItem().ifNull().failWith(() -> ApiException.notFound("instructor", instructorId));
    }

    private Uni<List<ServiceRef>> offeredServices(UUID instructorId) {
        return Panache.withSession(() -> CatalogService.<CatalogService>find(
                        "id in (select o.catalogServiceId from Offering o where o.instructorId = ?1)", instructorId).list())
                .map(services -> services.stream().map(s -> new ServiceRef(s.id, s.slug, s.category.slug)).toList());
    }

    private static Instructor newInstructor(UUID id) {
        Instructor instructor = new Instructor();
        instructor.id = id;
        instructor.status = AccountStatus.active;
        instructor.statusChangedBy = SELF;
        instructor.statusChangedAt = OffsetDateTime.now();
        return instructor;
    }

    static String timeZone(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            return ZoneId.of(requested.strip()).getId();
        } catch (DateTimeException e) {
            throw ApiException.invalid("timeZone", "'" + requested + "' is not an IANA time zone such as America/New_York");
        }
    }

    public static InstructorUpserted upserted(Instructor i) {
        return new InstructorUpserted(i.id, i.name, i.bio, i.yearsExperience, i.timeZone, List.of(i.areas),
                i.teachesOnline, i.teachesAtStudio, i.travelsToStudents, i.status.name(), i.version);
    }
}
