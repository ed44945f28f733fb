package com.instainstru.gateway.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.gateway.web.client.BookingViews.BookableDay;
import com.instainstru.gateway.web.client.BookingViews.BookableTimes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimePickerTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    /** Times as booking-service may write them: in UTC; the picker shows them in the instructor's zone. */
    private static final BookableTimes TIMES = new BookableTimes(UUID.randomUUID(), "America/New_York", 30, List.of(
            new BookableDay(MONDAY, List.of()),
            new BookableDay(MONDAY.plusDays(2), List.of(OffsetDateTime.parse("2026-12-09T14:45Z"),
                    OffsetDateTime.parse("2026-12-09T17:00Z"), OffsetDateTime.parse("2026-12-09T21:59Z"),
                    OffsetDateTime.parse("2026-12-09T22:00Z"))),
            new BookableDay(MONDAY.plusDays(3), List.of(OffsetDateTime.parse("2026-12-10T15:00Z")))));

    @Test
    void daysWithFreeTimeAreMarkedAndTheFirstOneIsPicked() {
        TimePicker.Strip strip = TimePicker.strip(TIMES, 60, MONDAY, null, d -> "/d/" + d, t -> "/t/" + t);

        assertThat(strip.days()).hasSize(TimePicker.DAYS);
        assertThat(strip.days()).filteredOn(TimePicker.Day::free).extracting(TimePicker.Day::date)
                .containsExactly(MONDAY.plusDays(2), MONDAY.plusDays(3));
        assertThat(strip.picked()).isEqualTo(MONDAY.plusDays(2));
        assertThat(strip.days().get(2).picked()).isTrue();
        assertThat(strip.days().get(0).url()).isEqualTo("/d/" + MONDAY);
    }

    @Test
    void timesAreGroupedByThePartOfTheInstructorsDay() {
        TimePicker.Strip strip = TimePicker.strip(TIMES, 60, MONDAY, MONDAY.plusDays(2), d -> "", t -> t.toString());

        assertThat(strip.groups()).extracting(TimePicker.Group::name).containsExactly("Morning", "Afternoon", "Evening");
        assertThat(strip.groups().get(0).slots()).extracting(s -> s.start().toString()).containsExactly("2026-12-09T09:45-05:00");
        assertThat(strip.groups().get(1).slots()).extracting(s -> s.start().toString())
                .containsExactly("2026-12-09T12:00-05:00", "2026-12-09T16:59-05:00");
        assertThat(strip.groups().get(2).slots()).extracting(TimePicker.Slot::url).containsExactly("2026-12-09T17:00-05:00");
    }

    @Test
    void aDayWithoutTimesHasNoSlots() {
        TimePicker.Strip strip = TimePicker.strip(TIMES, 60, MONDAY, MONDAY, d -> "", t -> "");
        assertThat(strip.hasTimes()).isFalse();
        assertThat(strip.anyFree()).isTrue();
    }

    @Test
    void theNearestTimesAreTheClosestOnEitherSideInOrder() {
        List<OffsetDateTime> nearest = TimePicker.nearest(TIMES, OffsetDateTime.parse("2026-12-09T12:00-05:00"), 3);
        assertThat(nearest).extracting(OffsetDateTime::toString)
                .containsExactly("2026-12-09T09:45-05:00", "2026-12-09T16:59-05:00", "2026-12-09T17:00-05:00");
    }
}
