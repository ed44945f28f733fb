package com.instainstru.catalog.offering;

import com.instainstru.catalog.catalog.CatalogService;
import com.instainstru.catalog.events.OfferingRemoved;
import com.instainstru.catalog.events.OfferingUpserted;
import com.instainstru.catalog.infra.CacheKeys;
import com.instainstru.catalog.infra.OfferStats;
import com.instainstru.catalog.infra.ResponseCache;
import com.instainstru.catalog.infra.SessionOutbox;
import com.instainstru.catalog.instructor.AccountStatus;
import com.instainstru.catalog.instructor.Instructor;
import com.instainstru.catalog.offering.OfferingTerms.LocationType;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.problem.Problem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** An instructor's offerings: add, change and remove the catalog services they teach. */
@ApplicationScoped
public class OfferingService {

    @Inject
    SessionOutbox outbox;

    @Inject
    ResponseCache cache;

    /** An offering with the catalog service it is of. */
    public record Offered(Offering offering, CatalogService service) {

        public OfferingResponse toResponse() {
            return OfferingService.toResponse(offering, service);
        }
    }

    public Uni<Offered> createOffering(UUID instructorId, OfferingRequest request) {
        if (request.catalogServiceId() == null) {
            throw ApiException.invalid("catalogServiceId", "is required");
        }
        checkDurations(request.durationOptions());
        return Panache.withTransaction(() -> editableInstructor(instructorId)
                        .flatMap(instructor -> catalogService(request))
                        .call(service -> requireNotOffered(instructorId, service))
                        .flatMap(service -> insertOffering(instructorId, service, request))
                        .call(this::announce))
                .call(this::invalidate);
    }

    /** An instructor offers a service once; another offering of it is a 409. */
    private static Uni<Long> requireNotOffered(UUID instructorId, CatalogService service) {
        return Offering.count("instructorId = ?1 and catalogServiceId = ?2", instructorId, service.id)
                .invoke(existing -> {
                    if (existing > 0) {
                        throw ApiException.conflict("you already offer " + service.name + "; change that offering instead");
                    }
                });
    }

    private static Uni<Offered> insertOffering(UUID instructorId, CatalogService service, OfferingRequest request) {
        Offering offering = new Offering();
        offering.id = UUID.randomUUID();
        offering.instructorId = instructorId;
        offering.catalogServiceId = service.id;
        apply(offering, request);
        return offering.<Offering>persist().map(saved -> new Offered(saved, service));
    }

    public Uni<Offered> updateOffering(UUID instructorId, UUID offeringId, OfferingRequest request) {
        checkDurations(request.durationOptions());
        return Panache.withTransaction(() -> editableInstructor(instructorId)
                        .flatMap(instructor -> ownOffering(instructorId, offeringId))
                        .flatMap(offering -> changeTerms(offering, request))
                        .call(this::announce))
                .call(this::invalidate);
    }

    /** The offering's new terms; its service stays what it is. */
    private static Uni<Offered> changeTerms(Offering offering, OfferingRequest request) {
        if (request.catalogServiceId() != null && !request.catalogServiceId().equals(offering.catalogServiceId)) {
            throw ApiException.invalid("catalogServiceId", "an offering's service cannot change; add a new offering instead");
        }
        return CatalogService.<CatalogService>findById(offering.catalogServiceId).map(service -> {
            checkLocations(request.locationTypes(), service);
            apply(offering, request);
            return new Offered(offering, service);
        });
    }

    /** The service's offer statistics refreshed and the offering's new terms on the outbox, in the transaction. */
    private Uni<Void> announce(Offered offered) {
        return OfferStats.refresh(List.of(offered.service().id))
                .chain(() -> recordUpserted(offered.offering()));
    }

    public Uni<Void> removeOffering(UUID instructorId, UUID offeringId) {
        return Panache.withTransaction(() -> ownOffering(instructorId, offeringId)
                        .flatMap(offering -> CatalogService.<CatalogService>findById(offering.catalogServiceId)
                                .map(service -> new Offered(offering, service)))
                        // A bulk delete, not entity.delete(): Hibernate Reactive's entity delete races under
                        // concurrent requests (hibernate-reactive#1713, quarkus#41945).
                        .call(offered -> Offering.delete("id = ?1 and instructorId = ?2", offeringId, instructorId))
                        .call(offered -> OfferStats.refresh(List.of(offered.service().id)))
                        .call(offered -> outbox.record(OfferingRemoved.TYPE, new OfferingRemoved(offered.offering().id,
                                instructorId, offered.offering().catalogServiceId, offered.offering().version + 1))))
                .call(this::invalidate)
                .replaceWithVoid();
    }

    private Uni<Instructor> editableInstructor(UUID instructorId) {
        // Locked: a concurrent status change waits, so the offer stats see a settled status.
        return Instructor.<Instructor>findById(instructorId, LockModeType.PESSIMISTIC_WRITE).invoke(instructor -> {
            if (instructor == null) {
                throw ApiException.conflict("create your instructor profile first (PUT /api/v1/instructors/me)");
            }
            if (instructor.status == AccountStatus.deactivated) {
                throw ApiException.conflict("a deactivated account cannot change its offerings");
            }
        });
    }

    private Uni<Offering> ownOffering(UUID instructorId, UUID offeringId) {
        return Offering.<Offering>findById(offeringId).map(offering -> {
            // Someone else's offering is as absent as a missing one: ids cannot be probed.
            if (offering == null || !offering.instructorId.equals(instructorId)) {
                throw ApiException.notFound("offering", offeringId);
            }
            return offering;
        });
    }

    private Uni<CatalogService> catalogService(OfferingRequest request) {
        // Shared lock: the service cannot be retired while this offering is being added.
        return CatalogService.<CatalogService>findById(request.catalogServiceId(), LockModeType.PESSIMISTIC_READ).map(service -> {
            if (service == null || !service.active) {
                throw ApiException.invalid("catalogServiceId", "no catalog service " + request.catalogServiceId());
            }
            checkLocations(request.locationTypes(), service);
            return service;
        });
    }

    private static void checkLocations(List<LocationType> locations, CatalogService service) {
        if (locations.contains(LocationType.ONLINE) && !service.onlineCapable) {
            throw ApiException.invalid("locationTypes", service.name + " cannot be taught online");
        }
    }

    /** 30 to 240 minutes (checked by the annotations), in 15-minute steps, each length once. */
    static void checkDurations(List<Integer> durations) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < durations.size(); i++) {
            Integer d = durations.get(i);
            if (d != null && d % 15 != 0) {
                errors.add(new Problem.FieldError("durationOptions[" + i + "]", "must be a multiple of 15 minutes"));
            }
            if (d != null && !seen.add(d)) {
                errors.add(new Problem.FieldError("durationOptions[" + i + "]", "repeats " + d + " minutes"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid request",
                    errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                    errors);
        }
    }

    private static void apply(Offering offering, OfferingRequest request) {
        offering.hourlyRate = request.hourlyRate().setScale(2, java.math.RoundingMode.UNNECESSARY);
        offering.durationOptions = request.durationOptions().stream().sorted().toArray(Integer[]::new);
        offering.levels = request.levels().stream().distinct().sorted().map(Objects::toString).toArray(String[]::new);
        offering.ageGroups = request.ageGroups().stream().distinct().sorted().map(Objects::toString).toArray(String[]::new);
        offering.locationTypes = request.locationTypes().stream().distinct().sorted().map(Objects::toString)
                .toArray(String[]::new);
        offering.description = request.description();
        offering.active = request.active() == null || request.active();
        offering.updatedAt = OffsetDateTime.now();
    }

    /** Flushed first, so the event carries the version the change gave the offering. */
    private Uni<Void> recordUpserted(Offering offering) {
        return Panache.getSession().flatMap(session -> session.flush())
                .chain(() -> outbox.record(OfferingUpserted.TYPE, upserted(offering)));
    }

    public static OfferingUpserted upserted(Offering o) {
        return new OfferingUpserted(o.id, o.instructorId, o.catalogServiceId, o.hourlyRate, List.of(o.durationOptions),
                List.of(o.levels), List.of(o.ageGroups), List.of(o.locationTypes), o.active, o.description, o.version);
    }

    static OfferingResponse toResponse(Offering o, CatalogService s) {
        return new OfferingResponse(o.id, o.instructorId, o.catalogServiceId, s.slug, s.name, s.category.slug,
                o.hourlyRate, List.of(o.durationOptions), List.of(o.levels), List.of(o.ageGroups),
                List.of(o.locationTypes), o.description, o.active, o.version);
    }

    private Uni<Void> invalidate(Offered offered) {
        CatalogService s = offered.service();
        return cache.invalidate(CacheKeys.forInstructorOfferings(offered.offering().instructorId,
                List.of(new CacheKeys.ServiceRef(s.id, s.slug, s.category.slug))));
    }
}
