package com.instainstru.search.search;

import com.instainstru.search.query.ParsedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When the student asked to have a lesson: the dates (New York) crossed with the time of day or
 * clock times, from now on. Morning is 06:00–12:00, afternoon 12:00–17:00, evening 17:00–22:00;
 * clock times ({@code after 5pm}, {@code before 10am}) are taken as said. A time without a date
 * means the coming week.
 */
public record AskedTime(LocalDate from, LocalDate to, List<Instant[]> intervals) {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final int DAYS_WHEN_NO_DATE = 7;
    /** The longest stretch of dates looked at (free time is known about four weeks ahead). */
    static final int MAX_DAYS = 31;

    /** The asked time, or null when the query says nothing about when. */
    public static AskedTime of(ParsedQuery q, ZonedDateTime now) {
        boolean clock = q.timeAfter() != null || q.timeBefore() != null;
        if (q.date() == null && q.timeOfDay() == null && !clock) {
            return null;
        }
        LocalDate today = now.withZoneSameInstant(NEW_YORK).toLocalDate();
        LocalDate from = q.date() != null ? q.date().from() : today;
        LocalDate to = q.date() != null ? q.date().to() : today.plusDays(DAYS_WHEN_NO_DATE - 1);
        if (to.isAfter(from.plusDays(MAX_DAYS - 1))) {
            to = from.plusDays(MAX_DAYS - 1);
        }
        LocalTime start = LocalTime.MIN;
        LocalTime end = null; // midnight at the end of the day
        if (clock) {
            start = q.timeAfter() != null ? q.timeAfter() : LocalTime.MIN;
            end = q.timeBefore();
        } else if (q.timeOfDay() != null) {
            switch (q.timeOfDay()) {
                case "morning" -> { start = LocalTime.of(6, 0); end = LocalTime.NOON; }
                case "afternoon" -> { start = LocalTime.NOON; end = LocalTime.of(17, 0); }
                default -> { start = LocalTime.of(17, 0); end = LocalTime.of(22, 0); }
            }
        }
        Instant floor = now.toInstant();
        List<Instant[]> intervals = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (q.date() != null && !q.date().includes(d)) {
                continue; // "weekdays except monday", "tuesdays"
            }
            Instant s = d.atTime(start).atZone(NEW_YORK).toInstant();
            Instant e = end == null ? d.plusDays(1).atStartOfDay(NEW_YORK).toInstant() : d.atTime(end).atZone(NEW_YORK).toInstant();
            if (s.isBefore(floor)) {
                s = floor;
            }
            if (e.isAfter(s)) {
                intervals.add(new Instant[] {s, e});
            }
        }
        return new AskedTime(from, to, intervals);
    }

    /**
     * The intervals as ascending {@code [start, end)} pairs in epoch milliseconds, touching ones merged
     * (whole days asked one after another are one stretch: a lesson may run past midnight).
     */
    public long[] millis() {
        long[] out = new long[intervals.size() * 2];
        int n = 0;
        for (Instant[] i : intervals) {
            long start = i[0].toEpochMilli();
            long end = i[1].toEpochMilli();
            if (n > 0 && start <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], end);
            } else {
                out[n++] = start;
                out[n++] = end;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
