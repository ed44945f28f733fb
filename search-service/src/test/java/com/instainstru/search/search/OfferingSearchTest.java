package com.instainstru.search.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.search.readmodel.OfferingIndex;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The first free moment in the asked time, as a student would count it. */
class OfferingSearchTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static final long HOUR = 3_600_000L;

    @Test
    void theFirstStretchLongEnoughInsideTheAskedTimeCounts() {
        long[] free = {at("2026-12-01T09:00:00Z"), at("2026-12-01T09:30:00Z"), at("2026-12-01T13:00:00Z"),
                at("2026-12-01T16:00:00Z")};
        long[] asked = {at("2026-12-01T08:00:00Z"), at("2026-12-01T14:30:00Z")};
        long now = at("2026-11-30T00:00:00Z");
        // 09:00–09:30 is too short for an hour; 13:00–14:30 inside the asked time is long enough.
        assertThat(OfferingSearch.firstFree(free, asked, now, HOUR)).isEqualTo(at("2026-12-01T13:00:00Z"));
        assertThat(OfferingSearch.firstFree(free, asked, now, HOUR / 2)).isEqualTo(at("2026-12-01T09:00:00Z"));
        // Only 90 minutes of the afternoon stretch lie inside the asked time.
        assertThat(OfferingSearch.firstFree(free, asked, now, 2 * HOUR)).isEqualTo(OfferingIndex.NONE);
    }

    @Test
    void timeAlreadyPastDoesNotCount() {
        long[] free = {at("2026-12-01T13:00:00Z"), at("2026-12-01T15:00:00Z")};
        long[] asked = {at("2026-12-01T00:00:00Z"), at("2026-12-02T00:00:00Z")};
        assertThat(OfferingSearch.firstFree(free, asked, at("2026-12-01T13:30:00Z"), HOUR))
                .isEqualTo(at("2026-12-01T13:30:00Z"));
        assertThat(OfferingSearch.firstFree(free, asked, at("2026-12-01T14:30:00Z"), HOUR)).isEqualTo(OfferingIndex.NONE);
    }

    @Test
    void aLessonMayRunPastMidnightWhenBothDaysAreAsked() {
        long[] free = {at("2026-12-01T23:30:00Z"), at("2026-12-02T00:30:00Z")};
        long[] bothDays = {at("2026-12-01T00:00:00Z"), at("2026-12-03T00:00:00Z")};
        long[] firstDay = {at("2026-12-01T00:00:00Z"), at("2026-12-02T00:00:00Z")};
        long now = at("2026-11-30T00:00:00Z");
        assertThat(OfferingSearch.firstFree(free, bothDays, now, HOUR)).isEqualTo(at("2026-12-01T23:30:00Z"));
        assertThat(OfferingSearch.firstFree(free, firstDay, now, HOUR)).isEqualTo(OfferingIndex.NONE);
    }
}
