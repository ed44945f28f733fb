package com.instainstru.booking.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoDataServiceTest {

    @Test
    void sampleBookingDatesAreDistinctWeekdaysInBothDirections() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertThat(DemoDataService.weekdays(friday, 0, 1)).isEqualTo(friday);
        assertThat(DemoDataService.weekdays(friday, 1, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(DemoDataService.weekdays(LocalDate.of(2026, 11, 29), 0, -1)).isEqualTo(friday);
        Set<LocalDate> seen = new HashSet<>();
        for (int n = 0; n < 40; n++) {
            LocalDate ahead = DemoDataService.weekdays(friday, n, 1);
            LocalDate back = DemoDataService.weekdays(friday, n, -1);
            assertThat(ahead.getDayOfWeek().getValue()).isLessThan(6);
            assertThat(back.getDayOfWeek().getValue()).isLessThan(6);
            assertThat(seen.add(ahead)).isTrue();
        }
    }
}
