package com.instainstru.search.search;

import com.instainstru.search.query.NycAreas;
import com.instainstru.search.readmodel.BookableStarts;
import com.instainstru.search.readmodel.OfferingIndex;
import com.instainstru.search.readmodel.OfferingIndex.Instructor;
import com.instainstru.search.readmodel.OfferingIndex.Listing;
import com.instainstru.search.readmodel.OfferingIndex.Offering;
import com.instainstru.search.retrieval.CatalogEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * Selects, ranks and pages the offerings meeting every filter, over the in-memory
 * {@link OfferingIndex}. Only the matched services' offerings are looked at; a page keeps only the
 * best {@code offset + limit} while counting every match.
 * <p>
 * Score: 0.6 × relevance of the service + 0.25 × its popularity (analytics) + 0.15 × how soon the
 * instructor is free (1 now, ½ in a day, ⅓ in two…); ties go to the lower rate, then the offering id.
 */
final class OfferingSearch {

    static final double RELEVANCE_WEIGHT = 0.6;
    static final double POPULARITY_WEIGHT = 0.25;
    static final double SOON_WEIGHT = 0.15;
    /** Relevance of every offering when the query named no service (a price-only query). */
    static final double ALL_RELEVANCE = 0.5;
    private static final double DAY_MILLIS = 86_400_000.0;
    /** A time was asked and the instructor has none free in it. */
    private static final long NOT_FREE = Long.MAX_VALUE;

    /** An offering that met every filter, with its instructor, score and first bookable start (or NONE). */
    record Hit(Offering offering, Instructor instructor, double score, long slot) {
    }

    record Page(List<Hit> hits, long total) {
    }

    /** Best first. */
    static final Comparator<Hit> RANK = Comparator.comparingDouble(Hit::score).reversed()
            .thenComparing(h -> h.offering().hourlyRate())
            .thenComparing(h -> h.offering().id(), OfferingSearch::compareUnsigned);
    /** Best first when the query asked for low prices without a number ("cheap", "reasonably priced"). */
    static final Comparator<Hit> CHEAP_FIRST = Comparator.comparing((Hit h) -> h.offering().hourlyRate())
            .thenComparing(RANK);

    private final OfferingIndex index;
    private final Map<UUID, CatalogEntry> activeServices;
    private final Map<UUID, Double> popularity;

    OfferingSearch(OfferingIndex index, Map<UUID, CatalogEntry> activeServices, Map<UUID, Double> popularity) {
        this.index = index;
        this.activeServices = activeServices;
        this.popularity = popularity;
    }

    Page find(Filters f, long now, int limit, int offset) {
        int keep = offset + limit;
        Comparator<Hit> rank = f.cheapFirst() ? CHEAP_FIRST : RANK;
        PriorityQueue<Hit> best = new PriorityQueue<>(keep + 1, rank.reversed());
        long total = 0;
        long[] asked = f.time() == null ? null : f.time().millis();
        Map<UUID, Double> services = f.services();
        Iterable<UUID> serviceIds = services != null ? services.keySet() : activeServices.keySet();
        for (UUID serviceId : serviceIds) {
            if (!activeServices.containsKey(serviceId)) {
                continue;
            }
            double relevance = services != null ? services.get(serviceId) : ALL_RELEVANCE;
            double base = RELEVANCE_WEIGHT * relevance + POPULARITY_WEIGHT * popularity.getOrDefault(serviceId, 0.0);
            for (Listing listing : index.listingsOf(serviceId)) {
                Offering o = listing.offering();
                Instructor i = listing.instructor();
                if (i == null || !i.active() || !meets(f, o, i)) {
                    continue;
                }
                if (asked == null) {
                    // Counted whatever its free time; the free time only moves its score, by SOON_WEIGHT at most,
                    // so it is not worked out for an offering that could not enter the page even at best.
                    total++;
                    if (best.size() >= keep && outranked(f.cheapFirst(), base + SOON_WEIGHT, o, best.peek())) {
                        continue;
                    }
                }
                long slot = slot(f, o, i, asked, now);
                if (slot == NOT_FREE) {
                    continue;
                }
                if (asked != null) {
                    total++;
                }
                double score = base + SOON_WEIGHT * (slot == OfferingIndex.NONE ? 0 : 1.0 / (1 + (slot - now) / DAY_MILLIS));
                // Most matches of a broad query rank below the page: they are counted, not kept.
                Hit hit = new Hit(o, i, score, slot);
                if (best.size() < keep || rank.compare(hit, best.peek()) < 0) {
                    best.add(hit);
                    if (best.size() > keep) {
                        best.poll();
                    }
                }
            }
        }
        List<Hit> ranked = new ArrayList<>(best);
        ranked.sort(rank);
        List<Hit> page = offset >= ranked.size() ? Collections.emptyList() : ranked.subList(offset, ranked.size());
        return new Page(page, total);
    }

    /**
     * Whether an offering whose score is at most {@code bestScore} ranks below {@code worst} whatever its
     * free time (the ranks' order: the rate first when cheap comes first, then the score, then the rate).
     */
    private static boolean outranked(boolean cheapFirst, double bestScore, Offering o, Hit worst) {
        if (cheapFirst) {
            int rate = o.hourlyRate().compareTo(worst.offering().hourlyRate());
            if (rate != 0) {
                return rate > 0;
            }
        }
        return bestScore < worst.score();
    }

    /**
     * For relaxation, in one pass: how many of the matched services' offerings (of active instructors)
     * fail exactly each set of constraints — index {@code m} counts those failing the constraints whose
     * bits are set in {@code m} (bit = {@link Filters.Constraint#ordinal()}); index 0 those meeting all.
     */
    int[] failures(Filters f, long now) {
        int[] counts = new int[1 << Filters.Constraint.values().length];
        long[] asked = f.time() == null ? null : f.time().millis();
        Map<UUID, Double> services = f.services();
        Iterable<UUID> serviceIds = services != null ? services.keySet() : activeServices.keySet();
        for (UUID serviceId : serviceIds) {
            if (!activeServices.containsKey(serviceId)) {
                continue;
            }
            for (Listing listing : index.listingsOf(serviceId)) {
                Offering o = listing.offering();
                Instructor i = listing.instructor();
                if (i != null && i.active()) {
                    counts[failed(f, o, i, asked, now)]++;
                }
            }
        }
        return counts;
    }

    /** The constraints an offering fails, as bits of {@link Filters.Constraint#ordinal()}. */
    private static int failed(Filters f, Offering o, Instructor i, long[] asked, long now) {
        int mask = 0;
        if (f.minPrice() != null && o.hourlyRate().compareTo(f.minPrice()) < 0
                || f.maxPrice() != null && o.hourlyRate().compareTo(f.maxPrice()) > 0) {
            mask |= bit(Filters.Constraint.PRICE);
        }
        if (f.durationMinutes() != null && !o.durations().contains(f.durationMinutes())) {
            mask |= bit(Filters.Constraint.DURATION);
        }
        if (f.level() != null && !o.levels().contains(f.level())) {
            mask |= bit(Filters.Constraint.LEVEL);
        }
        if (f.ageGroup() != null && !o.ageGroups().contains(f.ageGroup())) {
            mask |= bit(Filters.Constraint.AGE_GROUP);
        }
        if (f.place() != null && !o.locationTypes().contains(f.place())) {
            mask |= bit(Filters.Constraint.PLACE);
        }
        if (f.areas() != null && !(o.inPerson() && covers(i, f.areas()))) {
            mask |= bit(Filters.Constraint.LOCATION);
        }
        if (f.online() != null && !(f.online() ? o.offersOnline() && i.teachesOnline() : o.inPerson())) {
            mask |= bit(Filters.Constraint.ONLINE);
        }
        // Free in the asked time, for a lesson of the asked length — or, where the offering has not that length
        // (the length would be given up first), of its shortest.
        long lesson = (mask & bit(Filters.Constraint.DURATION)) != 0 ? o.minDuration() * 60_000L : lessonMillis(f, o);
        if (asked != null && BookableStarts.first(i.free(), asked, i.earliest(now), i.until(now), lesson)
                == OfferingIndex.NONE) {
            mask |= bit(Filters.Constraint.TIME);
        }
        return mask;
    }

    static int bit(Filters.Constraint c) {
        return 1 << c.ordinal();
    }

    /**
     * The offering's first bookable start: a quarter hour from which a lesson of the asked length (or
     * the offering's shortest) fits the instructor's free time, with their notice and horizon — inside the
     * asked time if one was asked (NOT_FREE if none there), else at all (NONE if none).
     */
    private static long slot(Filters f, Offering o, Instructor i, long[] asked, long now) {
        long slot = BookableStarts.first(i.free(), asked, i.earliest(now), i.until(now), lessonMillis(f, o));
        return asked != null && slot == OfferingIndex.NONE ? NOT_FREE : slot;
    }

    /** Up to {@code max} bookable starts of the hit's lesson, the first being its slot (none when it has no slot). */
    static long[] nextStarts(Filters f, Hit hit, long now, int max) {
        if (hit.slot() == OfferingIndex.NONE) {
            return new long[0];
        }
        long[] out = new long[max];
        Instructor i = hit.instructor();
        int n = BookableStarts.starts(i.free(), f.time() == null ? null : f.time().millis(), i.earliest(now),
                i.until(now), lessonMillis(f, hit.offering()), out);
        return java.util.Arrays.copyOf(out, n);
    }

    /** The lesson looked for: the asked length, or the offering's shortest. */
    private static long lessonMillis(Filters f, Offering o) {
        return (f.durationMinutes() != null ? f.durationMinutes() : o.minDuration()) * 60_000L;
    }

    private static boolean meets(Filters f, Offering o, Instructor i) {
        if (f.minPrice() != null && o.hourlyRate().compareTo(f.minPrice()) < 0
                || f.maxPrice() != null && o.hourlyRate().compareTo(f.maxPrice()) > 0
                || f.durationMinutes() != null && !o.durations().contains(f.durationMinutes())
                || f.level() != null && !o.levels().contains(f.level())
                || f.ageGroup() != null && !o.ageGroups().contains(f.ageGroup())
                || f.place() != null && !o.locationTypes().contains(f.place())) {
            return false;
        }
        if (f.areas() != null && !(o.inPerson() && covers(i, f.areas()))) {
            return false;
        }
        if (f.online() != null) {
            return f.online() ? o.offersOnline() && i.teachesOnline() : o.inPerson();
        }
        return true;
    }

    /** Whether the instructor teaches in one of the areas: a borough they cover, or a neighbourhood they name or whose borough they cover. */
    private static boolean covers(Instructor i, List<NycAreas.Area> areas) {
        for (NycAreas.Area a : areas) {
            if (a.name().equals(a.borough()) ? i.boroughs().contains(a.borough())
                    : i.areas().contains(a.name()) || i.areas().contains(a.borough())) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's uuid order (unsigned bytes), so that ties break the same way on every pod. */
    private static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
