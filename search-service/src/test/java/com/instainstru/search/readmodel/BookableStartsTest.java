package com.instainstru.search.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Start times as booking-service would accept them: on the quarter hour, the lesson inside free and asked time. */
class BookableStartsTest {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final ZoneId NY = ZoneId.of("America/New_York");

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static long[] starts(long[] free, long[] asked, long from, long needed, int max) {
        long[] out = new long[max];
        return Arrays.copyOf(out, BookableStarts.starts(free, asked, from, Long.MAX_VALUE, needed, out));
    }

    @Test
    void theFirstStretchLongEnoughInsideTheAskedTimeCounts() {
        long[] free = {at("2026-12-01T09:00:00Z"), at("2026-12-01T09:30:00Z"), at("2026-12-01T13:00:00Z"),
                at("2026-12-01T16:00:00Z")};
        long[] asked = {at("2026-12-01T08:00:00Z"), at("2026-12-01T14:30:00Z")};
        long now = at("2026-11-30T00:00:00Z");
        // 09:00–09:30 is too short for an hour; 13:00–14:30 inside the asked time is long enough.
        assertThat(BookableStarts.first(free, asked, now, Long.MAX_VALUE, HOUR)).isEqualTo(at("2026-12-01T13:00:00Z"));
        assertThat(starts(free, asked, now, HOUR, 3)).containsExactly(at("2026-12-01T13:00:00Z"),
                at("2026-12-01T13:15:00Z"), at("2026-12-01T13:30:00Z"));
        assertThat(starts(free, asked, now, HOUR / 2, 4)).containsExactly(at("2026-12-01T09:00:00Z"),
                at("2026-12-01T13:00:00Z"), at("2026-12-01T13:15:00Z"), at("2026-12-01T13:30:00Z"));
        // Only 90 minutes of the afternoon stretch lie inside the asked time.
        assertThat(BookableStarts.first(free, asked, now, Long.MAX_VALUE, 2 * HOUR)).isEqualTo(OfferingIndex.NONE);
        // Nothing asked: the soonest anywhere.
        assertThat(starts(free, null, now, 2 * HOUR, 3)).containsExactly(at("2026-12-01T13:00:00Z"),
                at("2026-12-01T13:15:00Z"), at("2026-12-01T13:30:00Z"));
        assertThat(starts(free, null, now, 3 * HOUR, 3)).containsExactly(at("2026-12-01T13:00:00Z"));
    }

    @Test
    void startsFromNowAreOnTheNextQuarterHour() {
        long[] free = {at("2026-12-01T13:00:00Z"), at("2026-12-01T15:00:00Z")};
        assertThat(starts(free, null, at("2026-12-01T13:31:07Z"), HOUR, 3)).containsExactly(
                at("2026-12-01T13:45:00Z"), at("2026-12-01T14:00:00Z"));
        assertThat(starts(free, null, at("2026-12-01T13:45:00Z"), HOUR, 3)).containsExactly(
                at("2026-12-01T13:45:00Z"), at("2026-12-01T14:00:00Z"));
        assertThat(BookableStarts.first(free, null, at("2026-12-01T14:00:01Z"), Long.MAX_VALUE, HOUR)).isEqualTo(OfferingIndex.NONE);
    }

    @Test
    void aLessonEndsBeforeTheHorizon() {
        long[] free = {at("2026-12-01T13:00:00Z"), at("2026-12-01T15:00:00Z")};
        long[] out = new long[5];
        int n = BookableStarts.starts(free, null, 0, at("2026-12-01T14:30:00Z"), HOUR, out);
        assertThat(Arrays.copyOf(out, n)).containsExactly(at("2026-12-01T13:00:00Z"), at("2026-12-01T13:15:00Z"),
                at("2026-12-01T13:30:00Z"));
    }

    @Test
    void freeTimeOffTheGridStartsAtItsFirstQuarterHour() {
        // A booked lesson with a 10-minute buffer leaves free time from 10:10.
        long[] free = {at("2026-12-01T15:10:00Z"), at("2026-12-01T16:20:00Z")};
        assertThat(starts(free, null, 0, HOUR, 3)).containsExactly(at("2026-12-01T15:15:00Z"));
    }

    @Test
    void everyStartHoldsTheWholeLessonInsideFreeAndAskedTime() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            long[] free = pairs(random, 6);
            long[] asked = random.nextBoolean() ? null : pairs(random, 4);
            long from = random.nextInt(48) * 7 * MINUTE;
            long needed = (1 + random.nextInt(8)) * 15 * MINUTE;
            long[] found = starts(free, asked, from, needed, 5);
            assertThat(BookableStarts.first(free, asked, from, Long.MAX_VALUE, needed))
                    .isEqualTo(found.length == 0 ? OfferingIndex.NONE : found[0]);
            for (long t : found) {
                assertThat(t % BookableStarts.GRID_MILLIS).isZero();
                assertThat(t).isGreaterThanOrEqualTo(from);
                assertThat(inside(free, t, t + needed)).isTrue();
                assertThat(asked == null || inside(asked, t, t + needed)).isTrue();
            }
            // Nothing is skipped: every grid start before the last found (or anywhere, when fewer) is absent for a reason.
            long last = found.length == 5 ? found[4] : 72 * HOUR;
            for (long t = BookableStarts.onGrid(from); t <= last; t += BookableStarts.GRID_MILLIS) {
                boolean fits = inside(free, t, t + needed) && (asked == null || inside(asked, t, t + needed));
                long start = t;
                assertThat(Arrays.stream(found).anyMatch(x -> x == start)).isEqualTo(fits);
            }
        }
    }

    @Test
    void freeTimeIsCutAtTheInstructorsMidnight() {
        // Free from 22:00 to 02:00 in New York: a lesson can end at midnight or start at it, never run across.
        long start = LocalDate.of(2026, 12, 1).atTime(22, 0).atZone(NY).toInstant().toEpochMilli();
        long midnight = LocalDate.of(2026, 12, 2).atStartOfDay(NY).toInstant().toEpochMilli();
        long end = LocalDate.of(2026, 12, 2).atTime(LocalTime.of(2, 0)).atZone(NY).toInstant().toEpochMilli();
        long[] split = FreeTime.splitAtMidnight(new Long[] {start, end}, NY);
        assertThat(split).containsExactly(start, midnight, midnight, end);
        assertThat(starts(split, null, 0, 3 * HOUR, 3)).isEmpty();
        assertThat(starts(split, null, 0, 2 * HOUR, 3)).containsExactly(start, midnight);
        // Several days in one stretch are cut at each midnight, across the daylight-saving change too.
        long from = LocalDate.of(2026, 10, 31).atStartOfDay(NY).toInstant().toEpochMilli();
        long to = LocalDate.of(2026, 11, 3).atStartOfDay(NY).toInstant().toEpochMilli();
        long[] days = FreeTime.splitAtMidnight(new Long[] {from, to}, NY);
        assertThat(days).hasSize(6);
        assertThat(days[3] - days[2]).isEqualTo(25 * HOUR);
        for (int i = 1; i < days.length - 1; i += 2) {
            assertThat(Instant.ofEpochMilli(days[i]).atZone(NY).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        }
    }

    private static long[] pairs(Random random, int count) {
        long[] out = new long[count * 2];
        long t = random.nextInt(10) * 5 * MINUTE;
        for (int i = 0; i < out.length; i += 2) {
            out[i] = t;
            t += (1 + random.nextInt(30)) * 5 * MINUTE;
            out[i + 1] = t;
            t += (1 + random.nextInt(30)) * 5 * MINUTE;
        }
        return out;
    }

    private static boolean inside(long[] pairs, long start, long end) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] <= start && end <= pairs[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
