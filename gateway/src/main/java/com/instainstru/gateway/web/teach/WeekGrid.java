package com.instainstru.gateway.web.teach;

import com.instainstru.gateway.web.teach.TeachViews.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The availability page's week: 7 days of 15-minute cells (00:00 to 23:45, the last cell ending at 23:45,
 * as booking-service's windows do). A painted run of cells is one window. Cells are named {@code d<day>-<slot>}
 * in the form (day 0 = Monday, slot 0 = 00:00), so a save sends exactly the painted cells.
 */
public final class WeekGrid {

    /** Cells per day: windows start and end on the quarter hour and end by 23:45. */
    public static final int SLOTS = 95;
    public static final int MINUTES = 15;

    /** Presets: the windows a preset paints (added to what is painted). */
    public static final Map<String, Preset> PRESETS = Map.of(
            "weekday-evenings", new Preset("Weekday evenings", "Monday to Friday, 5 PM to 9 PM", 0, 4, 17 * 4, 21 * 4),
            "weekend-mornings", new Preset("Weekend mornings", "Saturday and Sunday, 9 AM to 12 PM", 5, 6, 9 * 4, 12 * 4));

    public record Preset(String name, String description, int firstDay, int lastDay, int fromSlot, int toSlot) {
    }

    private final BitSet[] days = new BitSet[7];

    public WeekGrid() {
        for (int d = 0; d < 7; d++) {
            days[d] = new BitSet(SLOTS);
        }
    }

    /** The painted cells of the windows of each day (0 = Monday). */
    public static WeekGrid of(Map<Integer, List<TimeRange>> windows) {
        WeekGrid grid = new WeekGrid();
        windows.forEach((day, ranges) -> {
            for (TimeRange r : ranges) {
                grid.days[day].set(slot(r.start()), Math.min(SLOTS, slot(r.end())));
            }
        });
        return grid;
    }

    /** The cells named in a submitted form ({@code d3-68}); anything else is refused. */
    public static WeekGrid ofCells(Collection<String> cells) {
        WeekGrid grid = new WeekGrid();
        for (String cell : cells) {
            if (!cell.matches("d[0-6]-\\d{1,2}")) {
                throw new IllegalArgumentException("not a cell of the week: " + cell);
            }
            int day = cell.charAt(1) - '0';
            int slot = Integer.parseInt(cell.substring(3));
            if (slot >= SLOTS) {
                throw new IllegalArgumentException("not a cell of the week: " + cell);
            }
            grid.days[day].set(slot);
        }
        return grid;
    }

    public WeekGrid paint(Preset preset) {
        for (int d = preset.firstDay(); d <= preset.lastDay(); d++) {
            days[d].set(preset.fromSlot(), preset.toSlot());
        }
        return this;
    }

    public boolean painted(int day, int slot) {
        return days[day].get(slot);
    }

    public boolean empty() {
        for (BitSet day : days) {
            if (!day.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Each day's windows, as booking-service's week takes them: weekday name → runs of painted cells. */
    public Map<String, List<Map<String, String>>> windowsByWeekday() {
        Map<String, List<Map<String, String>>> week = new TreeMap<>();
        for (int d = 0; d < 7; d++) {
            List<Map<String, String>> windows = new ArrayList<>();
            for (TimeRange r : windows(d)) {
                windows.add(Map.of("start", r.start(), "end", r.end()));
            }
            week.put(DayOfWeek.of(d + 1).name().toLowerCase(Locale.ROOT), windows);
        }
        return week;
    }

    public List<TimeRange> windows(int day) {
        List<TimeRange> ranges = new ArrayList<>();
        BitSet cells = days[day];
        for (int start = cells.nextSetBit(0); start >= 0; start = cells.nextSetBit(start)) {
            int end = cells.nextClearBit(start);
            ranges.add(new TimeRange(time(start), time(end)));
            start = end;
        }
        return ranges;
    }

    public static int slot(String hhmm) {
        if ("24:00".equals(hhmm)) {
            return 96;
        }
        LocalTime t = LocalTime.parse(hhmm);
        return (t.getHour() * 60 + t.getMinute()) / MINUTES;
    }

    public static String time(int slot) {
        return LocalTime.MIN.plusMinutes((long) slot * MINUTES).toString();
    }

    public static String dayName(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
    }
}
