package com.instainstru.booking.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.booking.availability.Schedule.Busy;
import com.instainstru.booking.availability.Schedule.Refusal;
import com.instainstru.booking.availability.Schedule.Refusal.Kind;
import com.instainstru.booking.availability.Schedule.Rules;
import com.instainstru.booking.availability.Schedule.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2027, 1, 12);
    private static final Instant NOW = ZonedDateTime.of(2027, 1, 10, 8, 0, 0, 0, NY).toInstant();

    private static Schedule schedule(Rules rules, Map<LocalDate, List<Window>> windows, Set<LocalDate> blackouts,
            List<Busy> busy, Instant now) {
        return new Schedule(rules, windows, blackouts, busy, now);
    }

    private static Window w(String start, String end) {
        return new Window(LocalTime.parse(start), LocalTime.parse(end));
    }

    private static Instant at(LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), NY).toInstant();
    }

    private static final Rules PLAIN = new Rules(NY, 0, 0, 90);

    @Test
    void startsAreOnTheQuarterHourAndTheLessonFitsTheWindow() {
        Schedule s = schedule(PLAIN, Map.of(DAY, List.of(w("09:00", "10:30"))), Set.of(), List.of(), NOW);
        assertThat(s.bookableStarts(DAY, DAY, 60).get(DAY)).extracting(z -> z.toLocalTime().toString())
                .containsExactly("09:00", "09:15", "09:30");
        assertThat(s.bookableStarts(DAY, DAY, 30).get(DAY)).hasSize(5);
        assertThat(s.bookableStarts(DAY, DAY, 120)).isEmpty();
    }

    @Test
    void aBookingAndItsBufferBlockTheTimeAroundIt() {
        Busy lesson = new Busy(at(DAY, "10:00"), at(DAY, "11:15")); // 10-11 with a 15-minute buffer
        Rules buffered = new Rules(NY, 0, 15, 90);
        Schedule s = schedule(buffered, Map.of(DAY, List.of(w("09:00", "13:00"))), Set.of(), List.of(lesson), NOW);
        assertThat(s.bookableStarts(DAY, DAY, 60).get(DAY)).extracting(z -> z.toLocalTime().toString())
                .containsExactly("11:15", "11:30", "11:45", "12:00");
        // 09:00-10:00 plus its own 15-minute buffer would reach into the 10:00 lesson.
        assertThat(s.refusal(at(DAY, "09:00"), 60)).isPresent();
        assertThat(s.refusal(at(DAY, "09:00"), 45)).isEmpty();
        assertThat(s.refusal(at(DAY, "09:15"), 60)).contains(new Refusal(Kind.TAKEN, "the instructor already has a lesson at that time"));
        assertThat(s.refusal(at(DAY, "11:00"), 60)).isPresent();
    }

    @Test
    void backToBackLessonsWithoutABufferAreAllowed() {
        Busy lesson = new Busy(at(DAY, "10:00"), at(DAY, "11:00"));
        Schedule s = schedule(PLAIN, Map.of(DAY, List.of(w("09:00", "12:00"))), Set.of(), List.of(lesson), NOW);
        assertThat(s.refusal(at(DAY, "11:00"), 60)).isEmpty();
        assertThat(s.refusal(at(DAY, "09:00"), 60)).isEmpty();
    }

    @Test
    void outsideWindowsBlackoutsNoticeAndHorizonAreRefused() {
        Rules rules = new Rules(NY, 48, 0, 30);
        LocalDate tooSoon = LocalDate.of(2027, 1, 11);
        LocalDate blackout = LocalDate.of(2027, 1, 13);
        LocalDate farAway = LocalDate.of(2027, 3, 1);
        Map<LocalDate, List<Window>> windows = Map.of(tooSoon, List.of(w("09:00", "12:00")), DAY,
                List.of(w("09:00", "12:00")), blackout, List.of(w("09:00", "12:00")), farAway, List.of(w("09:00", "12:00")));
        Schedule s = schedule(rules, windows, Set.of(blackout), List.of(), NOW);
        assertThat(s.refusal(at(DAY, "09:00"), 60)).isEmpty();
        assertThat(s.refusal(at(DAY, "12:00"), 60)).contains(new Refusal(Kind.OUTSIDE_WINDOWS,
                "the time is outside the instructor's published availability"));
        assertThat(s.refusal(at(DAY, "11:30"), 60)).isPresent();
        assertThat(s.refusal(at(tooSoon, "09:00"), 60).orElseThrow()).isEqualTo(new Refusal(Kind.TOO_SOON,
                "the instructor needs 48 hours' notice"));
        assertThat(s.refusal(at(blackout, "09:00"), 60).orElseThrow()).isEqualTo(new Refusal(Kind.BLACKOUT,
                "the instructor does not teach on 2027-01-13"));
        assertThat(s.refusal(at(farAway, "09:00"), 60).orElseThrow()).isEqualTo(new Refusal(Kind.BEYOND_HORIZON,
                "the instructor takes bookings up to 30 days ahead"));
        assertThat(s.refusal(at(DAY, "09:10"), 60).orElseThrow()).isEqualTo(new Refusal(Kind.OFF_GRID,
                "lessons start on the quarter hour"));
        assertThat(s.refusal(NOW.minus(Duration.ofDays(1)), 60).map(Refusal::kind)).contains(Kind.OUTSIDE_WINDOWS);
        Schedule open = schedule(new Rules(NY, 0, 0, 30), Map.of(DAY.minusDays(3), List.of(w("09:00", "12:00"))), Set.of(),
                List.of(), NOW);
        assertThat(open.refusal(at(DAY.minusDays(3), "09:00"), 60).map(Refusal::kind)).contains(Kind.PAST);
    }

    @Test
    void aLessonMayNotCrossMidnightButMayEndAtIt() {
        Schedule s = schedule(PLAIN, Map.of(DAY, List.of(w("22:00", "23:45"))), Set.of(), List.of(), NOW);
        assertThat(s.refusal(at(DAY, "23:30"), 60).map(Refusal::kind)).contains(Kind.ACROSS_MIDNIGHT);
        assertThat(s.refusal(at(DAY, "22:45"), 60)).isEmpty();
    }

    @Test
    void springForwardLessonsHaveTheirRealLength() {
        LocalDate march = LocalDate.of(2027, 3, 14); // 02:00 EST becomes 03:00 EDT
        Schedule s = schedule(new Rules(NY, 0, 0, 365), Map.of(march, List.of(w("00:00", "05:00"))), Set.of(),
                List.of(), NOW);
        // 00:00 to 05:00 local holds 4 real hours on this day.
        List<ZonedDateTime> starts = s.bookableStarts(march, march, 60).get(march);
        assertThat(Duration.between(starts.get(0), starts.get(starts.size() - 1).plusMinutes(60)))
                .isEqualTo(Duration.ofHours(4));
        Instant start = at(march, "01:30");
        assertThat(s.refusal(start, 60)).isEmpty();
        assertThat(start.plus(Duration.ofMinutes(60)).atZone(NY).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void fallBackLessonsHaveTheirRealLengthAndTheRepeatedHourTwice() {
        LocalDate november = LocalDate.of(2027, 11, 7); // 02:00 EDT becomes 01:00 EST
        Schedule s = schedule(new Rules(NY, 0, 0, 365), Map.of(november, List.of(w("00:00", "03:00"))), Set.of(),
                List.of(), NOW);
        List<ZonedDateTime> starts = s.bookableStarts(november, november, 60).get(november);
        // 00:00 to 03:00 local is 4 real hours: 13 hourly lesson starts on the quarter-hour grid.
        assertThat(starts).hasSize(13);
        assertThat(starts.stream().filter(z -> z.toLocalTime().equals(LocalTime.of(1, 30)))).hasSize(2);
    }

    @Test
    void freeTimeIsTheWindowsMinusTakenTime() {
        Busy lesson = new Busy(at(DAY, "10:00"), at(DAY, "11:00"));
        Schedule s = schedule(PLAIN, Map.of(DAY, List.of(w("09:00", "12:00"), w("14:00", "15:00"))), Set.of(),
                List.of(lesson), NOW);
        assertThat(s.freeTime(DAY, DAY).get(DAY)).extracting(i -> i.start().toLocalTime() + "-" + i.end().toLocalTime())
                .containsExactly("09:00-10:00", "11:00-12:00", "14:00-15:00");
    }

    @Test
    void freeTimeLeavesOutBlackoutsAndTheBufferBeforeTheNextLesson() {
        Busy lesson = new Busy(at(DAY, "11:00"), at(DAY, "12:15"));
        LocalDate off = DAY.plusDays(1);
        Schedule s = schedule(new Rules(NY, 0, 15, 90), Map.of(DAY, List.of(w("09:00", "13:00")), off,
                List.of(w("09:00", "13:00"))), Set.of(off), List.of(lesson), NOW);
        Map<LocalDate, List<Schedule.Interval>> free = s.freeTime(DAY, off);
        assertThat(free).doesNotContainKey(off);
        assertThat(free.get(DAY)).extracting(i -> i.start().toLocalTime() + "-" + i.end().toLocalTime())
                .containsExactly("09:00-10:45", "12:15-13:00");
    }

    @Property
    void everyBookableStartIsAccepted(@ForAll @IntRange(min = 1, max = 16) int quarters,
            @ForAll @IntRange(min = 0, max = 60) int bufferMinutes, @ForAll @IntRange(min = 0, max = 40) int busyStartQuarter) {
        int minutes = quarters * 15;
        Busy lesson = new Busy(at(DAY, "06:00").plus(Duration.ofMinutes(busyStartQuarter * 15L)),
                at(DAY, "06:00").plus(Duration.ofMinutes(busyStartQuarter * 15L + 60 + bufferMinutes)));
        Schedule s = schedule(new Rules(NY, 0, bufferMinutes, 90), Map.of(DAY, List.of(w("06:00", "18:00"))),
                Set.of(), List.of(lesson), NOW);
        List<ZonedDateTime> starts = s.bookableStarts(DAY, DAY, minutes).getOrDefault(DAY, List.of());
        // The window is 12 hours and the lesson at most 5 with its buffer: there is always room somewhere.
        assertThat(starts).isNotEmpty();
        for (ZonedDateTime start : starts) {
            assertThat(s.refusal(start.toInstant(), minutes)).isEmpty();
            Instant end = start.toInstant().plus(Duration.ofMinutes(minutes + bufferMinutes));
            assertThat(end.isAfter(lesson.start()) && start.toInstant().isBefore(lesson.end())).isFalse();
        }
    }
}
