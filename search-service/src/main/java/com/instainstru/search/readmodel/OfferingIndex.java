package com.instainstru.search.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bookable offerings and their instructors, held in memory so that a search ranks every match
 * without a round trip to PostgreSQL. The read model in PostgreSQL stays the truth (shared by the
 * pods, written by whichever pod's consumer applies an event); {@link OfferingIndexFollower} copies
 * its changes here. Readers see each offering and instructor whole (immutable records), never half
 * of an update.
 */
@ApplicationScoped
public class OfferingIndex {

    /** No free time (none at all, or none in the asked time). */
    public static final long NONE = Long.MIN_VALUE;

    /**
     * An instructor as search needs them. {@code free} holds their free time as ascending, disjoint
     * {@code [start, end)} pairs in epoch milliseconds (start0, end0, start1, end1...), cut at each
     * midnight of their time zone (a lesson may not run across it). Booking's rules: lessons are booked
     * at least {@code noticeMillis} ahead and at most {@code horizonDays} days ahead (dates in {@code zone}).
     */
    public record Instructor(UUID id, String name, Set<String> areas, Set<String> boroughs, List<String> areaNames,
            boolean teachesOnline, boolean active, long[] free, long noticeMillis, int horizonDays, ZoneId zone) {

        /** Beyond this many days the horizon is past any free time search holds: no need to work it out. */
        private static final int FAR_HORIZON_DAYS = 60;

        /** The earliest moment a lesson may start, searching at {@code now}. */
        public long earliest(long now) {
            return now + noticeMillis;
        }

        /** The moment lessons may no longer start: the end of the last date the horizon allows. */
        public long until(long now) {
            if (horizonDays >= FAR_HORIZON_DAYS) {
                return Long.MAX_VALUE;
            }
            return Instant.ofEpochMilli(now).atZone(zone).toLocalDate().plusDays(horizonDays + 1L).atStartOfDay(zone)
                    .toInstant().toEpochMilli();
        }

        /** The first quarter hour from {@code now} (notice and horizon kept) that starts {@code needed} free ms, or NONE. */
        public long firstFree(long now, long needed) {
            return BookableStarts.first(free, null, earliest(now), until(now), needed);
        }
    }

    /** An active offering; {@code locationTypes} as catalog-service names them (online, studio, student_home). */
    public record Offering(UUID id, UUID instructorId, UUID serviceId, BigDecimal hourlyRate, List<Integer> durations,
            int minDuration, Set<String> levels, Set<String> ageGroups, List<String> locationTypes) {

        public boolean offersOnline() {
            return locationTypes.contains("online");
        }

        /** At a studio or at the student's home. */
        public boolean inPerson() {
            return locationTypes.contains("studio") || locationTypes.contains("student_home");
        }
    }

    /**
     * Where an instructor is held. Each listing points at its instructor's seat, so that a search reaches an
     * offering's instructor by one read instead of a map lookup per offering (it was most of a broad search's
     * time); an update of the instructor is seen by every listing at once. A seat outlives its instructor's
     * removal (empty) until the next full read.
     */
    private static final class Seat {
        volatile Instructor instructor;
    }

    /** An offering as a search walks it: the offering and its instructor as they are now (null if removed). */
    public static final class Listing {
        private final Offering offering;
        private final Seat seat;

        private Listing(Offering offering, Seat seat) {
            this.offering = offering;
            this.seat = seat;
        }

        public Offering offering() {
            return offering;
        }

        public Instructor instructor() {
            return seat.instructor;
        }
    }

    private record State(Map<UUID, Instructor> instructors, Map<UUID, Seat> seats, Map<UUID, Offering> offerings,
            Map<UUID, Map<UUID, Listing>> byService) {

        static State empty() {
            return new State(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>());
        }

        Seat seat(UUID instructorId) {
            return seats.computeIfAbsent(instructorId, id -> new Seat());
        }
    }

    private volatile State state = State.empty();
    private volatile boolean loaded;

    public Instructor instructor(UUID id) {
        return state.instructors().get(id);
    }

    /** The active offerings of a service with their instructors (a live view: it may change while it is read). */
    public Collection<Listing> listingsOf(UUID serviceId) {
        Map<UUID, Listing> listings = state.byService().get(serviceId);
        return listings == null ? List.of() : listings.values();
    }

    /** The active offerings of a service. */
    public List<Offering> offeringsOf(UUID serviceId) {
        return listingsOf(serviceId).stream().map(Listing::offering).toList();
    }

    public int instructors() {
        return state.instructors().size();
    }

    public int offerings() {
        return state.offerings().size();
    }

    /** Whether the whole read model has been read once. */
    public boolean loaded() {
        return loaded;
    }

    // ---- written by OfferingIndexFollower only (one writer at a time) ----

    /** Replaces everything with a full read of the read model. */
    void replaceAll(Collection<Instructor> instructors, Collection<Offering> offerings) {
        State next = State.empty();
        instructors.forEach(i -> {
            next.instructors().put(i.id(), i);
            next.seat(i.id()).instructor = i;
        });
        offerings.forEach(o -> put(next, o));
        state = next;
        loaded = true;
    }

    void putInstructor(Instructor instructor) {
        State s = state;
        s.instructors().put(instructor.id(), instructor);
        s.seat(instructor.id()).instructor = instructor;
    }

    void removeInstructor(UUID id) {
        State s = state;
        s.instructors().remove(id);
        Seat seat = s.seats().get(id);
        if (seat != null) {
            seat.instructor = null;
        }
    }

    void putOffering(Offering offering) {
        put(state, offering);
    }

    void removeOffering(UUID id) {
        State s = state;
        Offering old = s.offerings().remove(id);
        if (old != null) {
            Map<UUID, Listing> ofService = s.byService().get(old.serviceId());
            if (ofService != null) {
                ofService.remove(id);
            }
        }
    }

    private static void put(State s, Offering offering) {
        Offering old = s.offerings().put(offering.id(), offering);
        if (old != null && !old.serviceId().equals(offering.serviceId())) {
            Map<UUID, Listing> previous = s.byService().get(old.serviceId());
            if (previous != null) {
                previous.remove(offering.id());
            }
        }
        s.byService().computeIfAbsent(offering.serviceId(), k -> new ConcurrentHashMap<>())
                .put(offering.id(), new Listing(offering, s.seat(offering.instructorId())));
    }
}
