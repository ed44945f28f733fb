package com.instainstru.gateway.web.teach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.instainstru.gateway.web.teach.TeachViews.TimeRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeekGridTest {

    @Test
    void paintedRunsOfCellsAreTheWindowsBookingServiceTakes() {
        WeekGrid grid = WeekGrid.ofCells(List.of("d0-68", "d0-69", "d0-70", "d0-71", "d0-80", "d6-0", "d6-94", "d6-93"));
        Map<String, List<Map<String, String>>> week = grid.windowsByWeekday();
        assertThat(week).containsOnlyKeys("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        assertThat(week.get("monday")).containsExactly(Map.of("start", "17:00", "end", "18:00"),
                Map.of("start", "20:00", "end", "20:15"));
        assertThat(week.get("tuesday")).isEmpty(); // a day left empty is cleared
        assertThat(week.get("sunday")).containsExactly(Map.of("start", "00:00", "end", "00:15"),
                Map.of("start", "23:15", "end", "23:45"));
    }

    @Test
    void windowsReadBackAsTheSameCells() {
        WeekGrid grid = WeekGrid.of(Map.of(2, List.of(new TimeRange("09:00", "10:30"), new TimeRange("18:15", "19:00"))));
        assertThat(grid.painted(2, 35)).isFalse();
        assertThat(grid.painted(2, 36)).isTrue();
        assertThat(grid.painted(2, 41)).isTrue();
        assertThat(grid.painted(2, 42)).isFalse();
        assertThat(grid.windows(2)).containsExactly(new TimeRange("09:00", "10:30"), new TimeRange("18:15", "19:00"));
        // A window the service reports to midnight keeps every cell the grid has.
        assertThat(WeekGrid.of(Map.of(4, List.of(new TimeRange("23:00", "24:00")))).windows(4))
                .containsExactly(new TimeRange("23:00", "23:45"));
    }

    @Test
    void aPresetAddsToWhatIsPainted() {
        WeekGrid grid = WeekGrid.ofCells(List.of("d0-40")).paint(WeekGrid.PRESETS.get("weekday-evenings"));
        assertThat(grid.windows(0)).containsExactly(new TimeRange("10:00", "10:15"), new TimeRange("17:00", "21:00"));
        assertThat(grid.windows(4)).containsExactly(new TimeRange("17:00", "21:00"));
        assertThat(grid.windows(5)).isEmpty();
        assertThat(WeekGrid.ofCells(List.of()).paint(WeekGrid.PRESETS.get("weekend-mornings")).windows(6))
                .containsExactly(new TimeRange("09:00", "12:00"));
    }

    @Test
    void aCellThePageDoesNotMakeIsRefused() {
        for (String bad : List.of("d7-1", "d0-95", "d0-", "x", "d0-1;drop", "d-1-3")) {
            assertThatThrownBy(() -> WeekGrid.ofCells(List.of(bad))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
