package com.instainstru.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When an instructor can be booked: published windows (local to their time zone) minus blackout
 * dates, confirmed lessons with their buffers, the minimum notice and the booking horizon.
 * Times are stepped in real instants, so lessons across a daylight-saving change have their true
 * length. Pure: no I/O, no clock.
 */
public final class Schedule {

    /** The grid lessons start on. */
    public static final int GRID_MINUTES = 15;

    public record Window(LocalTime start, LocalTime end) {
    }

    /** Time already taken: a confirmed lesson from its start to the end of its buffer. */
    public record Busy(Instant start, Instant end) {
    }

    public record Rules(ZoneId zone, int minNoticeHours, int bufferMinutes, int horizonDays) {
    }

    /** An interval of instants, used for free time. */
    public record Interval(ZonedDateTime start, ZonedDateTime end) {
    }

    /** Why a lesson cannot be booked at a time: the kind decides what the caller is told, the reason says it. */
    public record Refusal(Kind kind, String reason) {

        public enum Kind {
            /** The start is not on the quarter-hour grid: no schedule could take it. */
            OFF_GRID,
            /** The lesson would end on the next day in the instructor's zone. */
            ACROSS_MIDNIGHT,
            /** Not inside one of the date's published windows. */
            OUTSIDE_WINDOWS,
            /** A blacked-out date. */
            BLACKOUT,
            /** The start has passed. */
            PAST,
            /** Closer to now than the instructor's minimum notice. */
            TOO_SOON,
            /** Beyond the instructor's booking horizon. */
            BEYOND_HORIZON,
            /** Another lesson (or its buffer) is in the way. */
            TAKEN
        }
    }

    private final Rules rules;
    private final Map<LocalDate, List<Window>> windows;
    private final Set<LocalDate> blackouts;
    private final List<Busy> busy;
    private final Instant now;

    public Schedule(Rules rules, Map<LocalDate, List<Window>> windows, Set<LocalDate> blackouts, List<Busy> busy,
            Instant now) {
        this.rules = rules;
        this.windows = windows;
        this.blackouts = blackouts;
        this.busy = busy.stream().sorted(Comparator.comparing(Busy::start)).toList();
        this.now = now;
    }

    /** Bookable starts of a lesson of {@code minutes} on each date from {@code from} to {@code to}, inclusive. */
    public Map<LocalDate, List<ZonedDateTime>> bookableStarts(LocalDate from, LocalDate to, int minutes) {
        Map<LocalDate, List<ZonedDateTime>> result = new LinkedHashMap<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            List<ZonedDateTime> starts = new ArrayList<>();
            for (Window w : windowsOf(date)) {
                Instant windowEnd = instant(date, w.end());
                for (Instant t = instant(date, w.start()); !t.plus(Duration.ofMinutes(minutes)).isAfter(windowEnd);
                        t = t.plus(Duration.ofMinutes(GRID_MINUTES))) {
                    if (refusalAt(t, minutes, date).isEmpty()) {
                        starts.add(t.atZone(rules.zone()));
                    }
                }
            }
            if (!starts.isEmpty()) {
                result.put(date, starts);
            }
        }
        return result;
    }

    /** Why a lesson of {@code minutes} starting at {@code start} cannot be booked, or empty if it can. */
    public Optional<Refusal> refusal(Instant start, int minutes) {
        ZonedDateTime local = start.atZone(rules.zone());
        if (local.getSecond() != 0 || local.getNano() != 0 || local.getMinute() % GRID_MINUTES != 0) {
            return refused(Refusal.Kind.OFF_GRID, "lessons start on the quarter hour");
        }
        ZonedDateTime end = local.plusMinutes(minutes);
        if (!end.toLocalDate().equals(local.toLocalDate()) && !end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return refused(Refusal.Kind.ACROSS_MIDNIGHT, "a lesson may not cross midnight in the instructor's time zone");
        }
        LocalDate date = local.toLocalDate();
        boolean inWindow = windowsOf(date).stream().anyMatch(w -> !start.isBefore(instant(date, w.start()))
                && !start.plus(Duration.ofMinutes(minutes)).isAfter(instant(date, w.end())));
        if (!inWindow) {
            return refused(Refusal.Kind.OUTSIDE_WINDOWS, "the time is outside the instructor's published availability");
        }
        return refusalAt(start, minutes, date);
    }

    /** Free time per date (for search): windows minus blackouts, taken time, notice and horizon. */
    public Map<LocalDate, List<Interval>> freeTime(LocalDate from, LocalDate to) {
        Map<LocalDate, List<Interval>> result = new LinkedHashMap<>();
        Instant earliest = now.plus(Duration.ofHours(rules.minNoticeHours()));
        Duration buffer = Duration.ofMinutes(rules.bufferMinutes());
        for (LocalDate date = from; !date.isAfter(to) && !date.isAfter(lastBookableDate()); date = date.plusDays(1)) {
            if (blackouts.contains(date)) {
                continue;
            }
            List<Interval> free = new ArrayList<>();
            for (Window w : windowsOf(date)) {
                Instant start = max(instant(date, w.start()), earliest);
                Instant end = instant(date, w.end());
                for (Busy b : busy) {
                    if (!start.isBefore(end)) {
                        break;
                    }
                    // A new lesson keeps its own buffer before the next one: free time ends that much earlier.
                    Instant blockedFrom = b.start().minus(buffer);
                    if (b.end().isAfter(start) && blockedFrom.isBefore(end)) {
                        if (blockedFrom.isAfter(start)) {
                            free.add(new Interval(start.atZone(rules.zone()), blockedFrom.atZone(rules.zone())));
                        }
                        start = max(start, b.end());
                    }
                }
                if (start.isBefore(end)) {
                    free.add(new Interval(start.atZone(rules.zone()), end.atZone(rules.zone())));
                }
            }
            if (!free.isEmpty()) {
                result.put(date, free);
            }
        }
        return result;
    }

    private Optional<Refusal> refusalAt(Instant start, int minutes, LocalDate date) {
        if (blackouts.contains(date)) {
            return refused(Refusal.Kind.BLACKOUT, "the instructor does not teach on " + date);
        }
        if (start.isBefore(now)) {
            return refused(Refusal.Kind.PAST, "the time is in the past");
        }
        if (start.isBefore(now.plus(Duration.ofHours(rules.minNoticeHours())))) {
            return refused(Refusal.Kind.TOO_SOON, "the instructor needs " + rules.minNoticeHours() + " hours' notice");
        }
        if (date.isAfter(lastBookableDate())) {
            return refused(Refusal.Kind.BEYOND_HORIZON,
                    "the instructor takes bookings up to " + rules.horizonDays() + " days ahead");
        }
        Instant blockedUntil = start.plus(Duration.ofMinutes(minutes + rules.bufferMinutes()));
        for (Busy b : busy) {
            if (b.start().isBefore(blockedUntil) && b.end().isAfter(start)) {
                return refused(Refusal.Kind.TAKEN, "the instructor already has a lesson at that time");
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refused(Refusal.Kind kind, String reason) {
        return Optional.of(new Refusal(kind, reason));
    }

    private LocalDate lastBookableDate() {
        return now.atZone(rules.zone()).toLocalDate().plusDays(rules.horizonDays());
    }

    private List<Window> windowsOf(LocalDate date) {
        return windows.getOrDefault(date, List.of());
    }

    private Instant instant(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, rules.zone()).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
