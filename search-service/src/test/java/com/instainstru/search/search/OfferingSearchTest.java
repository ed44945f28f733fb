package com.instainstru.search.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.search.readmodel.BookableStarts;
import com.instainstru.search.readmodel.Indexes;
import com.instainstru.search.readmodel.OfferingIndex;
import com.instainstru.search.readmodel.OfferingIndex.Instructor;
import com.instainstru.search.readmodel.OfferingIndex.Offering;
import com.instainstru.search.retrieval.CatalogEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ranked page of {@link OfferingSearch#find} against a plain oracle that scores every offering meeting the
 * filters (free time worked out for each) and sorts them all: same page, same order, same total — so the
 * shortcuts (free time skipped for offerings that cannot enter the page, instructors reached through their
 * seat) never change an answer. Random catalogs and filters from fixed seeds.
 */
class OfferingSearchTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long HOUR = 3_600_000L;
    private static final long NOW = Instant.parse("2026-12-02T14:07:00Z").toEpochMilli();

    @Test
    void thePageIsTheOnePlainRankingGives() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            World world = World.random(random);
            for (int q = 0; q < 25; q++) {
                Filters filters = world.filters(random);
                int limit = 1 + random.nextInt(20);
                int offset = random.nextInt(3) == 0 ? random.nextInt(40) : 0;
                OfferingSearch.Page page = world.search().find(filters, NOW, limit, offset);
                List<OfferingSearch.Hit> expected = world.plainRanking(filters);
                assertThat(page.total()).as("seed %d query %d: total", seed, q).isEqualTo(expected.size());
                assertThat(page.hits()).as("seed %d query %d: page", seed, q).map(h -> h.offering().id())
                        .containsExactlyElementsOf(expected.subList(Math.min(offset, expected.size()),
                                Math.min(offset + limit, expected.size())).stream().map(h -> h.offering().id()).toList());
            }
        }
    }

    @Test
    void anInstructorsUpdateOrRemovalIsSeenByEveryOfferingOfTheirs() {
        World world = World.random(new Random(7));
        Filters all = new Filters(null, null, null, null, null, null, null, null, null, null, false);
        Instructor someone = world.instructors.get(0);
        long before = world.search().find(all, NOW, 5, 0).total();
        long theirs = world.offerings.stream().filter(o -> o.instructorId().equals(someone.id())).count();

        Indexes.put(world.index, new Instructor(someone.id(), someone.name(), someone.areas(), someone.boroughs(),
                someone.areaNames(), someone.teachesOnline(), false, someone.free(), someone.noticeMillis(),
                someone.horizonDays(), someone.zone()));
        assertThat(world.search().find(all, NOW, 5, 0).total()).isEqualTo(before - theirs);
        Indexes.put(world.index, someone);
        assertThat(world.search().find(all, NOW, 5, 0).total()).isEqualTo(before);
        Indexes.remove(world.index, someone.id());
        assertThat(world.search().find(all, NOW, 5, 0).total()).isEqualTo(before - theirs);
    }

    /** A random catalog: a few services, instructors with free time over the next days, their offerings. */
    private record World(OfferingIndex index, List<Instructor> instructors, List<Offering> offerings,
            Map<UUID, CatalogEntry> services, Map<UUID, Double> popularity) {

        static World random(Random random) {
            Map<UUID, CatalogEntry> services = new LinkedHashMap<>();
            Map<UUID, Double> popularity = new LinkedHashMap<>();
            for (int s = 0; s < 4; s++) {
                UUID id = new UUID(random.nextLong(), random.nextLong());
                services.put(id, new CatalogEntry(id, "s" + s, "Service " + s, "music", "Music", List.of()));
                popularity.put(id, random.nextInt(3) / 2.0);
            }
            List<Instructor> instructors = new ArrayList<>();
            List<Offering> offerings = new ArrayList<>();
            int count = 20 + random.nextInt(80);
            for (int n = 0; n < count; n++) {
                UUID id = new UUID(random.nextLong(), random.nextLong());
                instructors.add(new Instructor(id, "Teacher " + n, Set.of("Harlem"), Set.of("Manhattan"), List.of("Harlem"),
                        random.nextBoolean(), random.nextInt(10) > 0, free(random), random.nextInt(3) * 6 * HOUR,
                        random.nextBoolean() ? 90 : 1 + random.nextInt(10), NEW_YORK));
                for (UUID service : services.keySet()) {
                    if (random.nextInt(3) == 0) {
                        // Few distinct rates, so that ties are broken by the rate and the id as well.
                        offerings.add(new Offering(new UUID(random.nextLong(), random.nextLong()), id, service,
                                BigDecimal.valueOf(30 + 10 * random.nextInt(5)), List.of(30, 60), 30,
                                Set.of("beginner"), Set.of("adults"), random.nextBoolean() ? List.of("online", "studio")
                                        : List.of("studio")));
                    }
                }
            }
            return new World(Indexes.of(instructors, offerings), instructors, offerings, services, popularity);
        }

        /** Free stretches over the next 12 days, on quarter hours, some of them too short for a lesson. */
        private static long[] free(Random random) {
            List<Long> bounds = new ArrayList<>();
            long day = LocalDate.ofInstant(Instant.ofEpochMilli(NOW), NEW_YORK).atStartOfDay(NEW_YORK).toInstant().toEpochMilli();
            for (int d = 0; d < 12; d++) {
                if (random.nextInt(3) > 0) {
                    long start = day + d * 24 * HOUR + (7 + random.nextInt(10)) * HOUR + random.nextInt(4) * 15 * 60_000L;
                    bounds.add(start);
                    bounds.add(start + (1 + random.nextInt(12)) * 15 * 60_000L);
                }
            }
            return bounds.stream().mapToLong(Long::longValue).toArray();
        }

        OfferingSearch search() {
            return new OfferingSearch(index, services, popularity);
        }

        Filters filters(Random random) {
            Map<UUID, Double> asked = null;
            if (random.nextInt(4) > 0) {
                asked = new LinkedHashMap<>();
                for (UUID id : services.keySet()) {
                    if (random.nextBoolean()) {
                        asked.put(id, random.nextInt(4) / 3.0);
                    }
                }
            }
            BigDecimal max = random.nextBoolean() ? BigDecimal.valueOf(35 + 10 * random.nextInt(4)) : null;
            Boolean online = random.nextInt(3) == 0 ? Boolean.TRUE : null;
            AskedTime time = null;
            if (random.nextBoolean()) {
                LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(NOW), NEW_YORK).plusDays(random.nextInt(5));
                Instant from = date.atTime(8 + random.nextInt(10), 0).atZone(NEW_YORK).toInstant();
                time = new AskedTime(date, date, List.<Instant[]>of(new Instant[] {from, from.plusSeconds(4 * 3600)}));
            }
            Integer duration = random.nextInt(4) == 0 ? 60 : null;
            return new Filters(asked, null, max, duration, null, null, null, online, null, time, random.nextInt(4) == 0);
        }

        /** Every offering meeting the filters, each scored with its own free time, in the ranks' order. */
        List<OfferingSearch.Hit> plainRanking(Filters f) {
            long[] asked = f.time() == null ? null : f.time().millis();
            List<OfferingSearch.Hit> hits = new ArrayList<>();
            for (Offering o : offerings) {
                Instructor i = index.instructor(o.instructorId());
                Double relevance = f.services() == null ? Double.valueOf(OfferingSearch.ALL_RELEVANCE) : f.services().get(o.serviceId());
                boolean meets = relevance != null && i.active()
                        && (f.maxPrice() == null || o.hourlyRate().compareTo(f.maxPrice()) <= 0)
                        && (f.durationMinutes() == null || o.durations().contains(f.durationMinutes()))
                        && (f.online() == null || o.offersOnline() && i.teachesOnline());
                if (!meets) {
                    continue;
                }
                long lesson = (f.durationMinutes() != null ? f.durationMinutes() : o.minDuration()) * 60_000L;
                long slot = BookableStarts.first(i.free(), asked, i.earliest(NOW), i.until(NOW), lesson);
                if (asked != null && slot == OfferingIndex.NONE) {
                    continue;
                }
                double score = OfferingSearch.RELEVANCE_WEIGHT * relevance
                        + OfferingSearch.POPULARITY_WEIGHT * popularity.getOrDefault(o.serviceId(), 0.0)
                        + OfferingSearch.SOON_WEIGHT * (slot == OfferingIndex.NONE ? 0 : 1.0 / (1 + (slot - NOW) / 86_400_000.0));
                hits.add(new OfferingSearch.Hit(o, i, score, slot));
            }
            Comparator<OfferingSearch.Hit> rank = f.cheapFirst() ? OfferingSearch.CHEAP_FIRST : OfferingSearch.RANK;
            hits.sort(rank);
            return hits;
        }
    }
}
