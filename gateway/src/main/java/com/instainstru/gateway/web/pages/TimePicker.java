package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.web.client.BookingViews.BookableTimes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The day strip and the times of the picked day, as booking-service answered them: days with free time
 * are marked, and the picked day's start times are grouped into morning, afternoon and evening in the
 * instructor's time zone. Used by the profile and by rescheduling (and, later, wherever times are picked).
 */
public final class TimePicker {

    /** How many days the strip shows. */
    public static final int DAYS = 14;

    private TimePicker() {
    }

    public record Day(LocalDate date, boolean free, boolean picked, String url) {
    }

    /** A bookable time of {@code minutes}; each carries what its link says (a page reads no outer value in a loop). */
    public record Slot(OffsetDateTime start, String url, int minutes) {
    }

    public record Group(String name, List<Slot> slots) {
    }

    public record Strip(List<Day> days, LocalDate picked, List<Group> groups, String timeZone) {

        public boolean hasTimes() {
            return groups.stream().anyMatch(g -> !g.slots().isEmpty());
        }

        public boolean anyFree() {
            return days.stream().anyMatch(Day::free);
        }
    }

    /**
     * The strip from {@code first} for {@code DAYS} days; {@code picked} is the asked day (null: the first day
     * with free time), {@code minutes} the lessons' length. {@code dayUrl} and {@code slotUrl} make each day's and
     * each time's link.
     */
    public static Strip strip(BookableTimes times, int minutes, LocalDate first, LocalDate picked, Function<LocalDate, String> dayUrl,
            Function<OffsetDateTime, String> slotUrl) {
        ZoneId zone = ZoneId.of(times.timeZone());
        LocalDate chosen = picked;
        if (chosen == null) {
            chosen = times.days().stream().filter(d -> !d.startTimes().isEmpty()).map(d -> d.date())
                    .min(Comparator.naturalOrder()).orElse(first);
        }
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate date = first.plusDays(i);
            days.add(new Day(date, !times.on(date).isEmpty(), date.equals(chosen), dayUrl.apply(date)));
        }
        List<Slot> morning = new ArrayList<>();
        List<Slot> afternoon = new ArrayList<>();
        List<Slot> evening = new ArrayList<>();
        for (OffsetDateTime start : times.on(chosen)) {
            OffsetDateTime local = start.atZoneSameInstant(zone).toOffsetDateTime();
            Slot slot = new Slot(local, slotUrl.apply(local), minutes);
            int hour = local.getHour();
            (hour < 12 ? morning : hour < 17 ? afternoon : evening).add(slot);
        }
        List<Group> groups = List.of(new Group("Morning", morning), new Group("Afternoon", afternoon),
                new Group("Evening", evening));
        return new Strip(days, chosen, groups, times.timeZone());
    }

    /** Up to {@code count} bookable times nearest to {@code wanted}, in order. */
    public static List<OffsetDateTime> nearest(BookableTimes times, OffsetDateTime wanted, int count) {
        ZoneId zone = ZoneId.of(times.timeZone());
        return times.days().stream().flatMap(d -> d.startTimes().stream())
                .filter(t -> !t.isEqual(wanted))
                .sorted(Comparator.comparingLong(t -> Math.abs(t.toEpochSecond() - wanted.toEpochSecond())))
                .limit(count)
                .sorted()
                .map(t -> t.atZoneSameInstant(zone).toOffsetDateTime())
                .toList();
    }
}
