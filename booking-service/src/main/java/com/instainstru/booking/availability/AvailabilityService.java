package com.instainstru.booking.availability;

import com.instainstru.booking.availability.AvailabilityRequests.WindowDto;
import com.instainstru.booking.availability.AvailabilityResponses.BookableDay;
import com.instainstru.booking.availability.AvailabilityResponses.BookableTimes;
import com.instainstru.booking.availability.AvailabilityResponses.DayWindows;
import com.instainstru.booking.availability.AvailabilityResponses.FreeDay;
import com.instainstru.booking.availability.AvailabilityResponses.FreeTime;
import com.instainstru.booking.availability.AvailabilityResponses.InstructorFreeTime;
import com.instainstru.booking.availability.AvailabilityResponses.MyAvailability;
import com.instainstru.booking.availability.AvailabilityResponses.TimeRange;
import com.instainstru.booking.availability.AvailabilityStore.Snapshot;
import com.instainstru.booking.availability.Schedule.Busy;
import com.instainstru.booking.availability.Schedule.Rules;
import com.instainstru.booking.availability.Schedule.Window;
import com.instainstru.booking.catalog.CatalogGateway;
import com.instainstru.booking.infra.BookingConfig;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Publishing teaching time and answering when an instructor can be booked. */
@ApplicationScoped
public class AvailabilityService {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    Pool pool;

    @Inject
    AvailabilityStore store;

    @Inject
    CatalogGateway catalog;

    @Inject
    AvailabilityEvents events;

    @Inject
    BookingConfig config;

    @Inject
    Clock clock;

    // ---- reads ----

    public Uni<BookableTimes> bookableTimes(UUID instructorId, LocalDate from, LocalDate to, int minutes) {
        checkRange(from, to);
        checkDuration("duration", minutes);
        return store.snapshot(pool, instructorId, from, to).map(snapshot -> {
            List<BookableDay> days = new ArrayList<>();
            snapshot.schedule(clock.instant()).bookableStarts(from, to, minutes).forEach((date, starts) -> days.add(
                    new BookableDay(date, starts.stream().map(z -> z.toOffsetDateTime()).toList())));
            return new BookableTimes(instructorId, snapshot.rules().zone().getId(), minutes, days);
        });
    }

    public Uni<FreeTime> freeTime(AvailabilityRequests.SearchRequest request) {
        checkRange(request.from(), request.to());
        checkFreeTimeSize(request);
        return store.snapshots(pool, request.instructorIds().stream().distinct().toList(), request.from(), request.to())
                .map(snapshots -> new FreeTime(request.instructorIds().stream().distinct()
                        .map(id -> freeTime(snapshots.get(id), request.from(), request.to())).toList()));
    }

    private InstructorFreeTime freeTime(Snapshot s, LocalDate from, LocalDate to) {
        List<FreeDay> days = new ArrayList<>();
        s.schedule(clock.instant()).freeTime(from, to).forEach((date, free) -> days.add(
                new FreeDay(date, free.stream().map(i -> new TimeRange(i.start().format(HH_MM),
                        i.end().toLocalDate().isAfter(date) ? "24:00" : i.end().format(HH_MM))).toList())));
        Rules rules = s.rules();
        List<AvailabilityResponses.TakenTime> taken = s.busy().stream().sorted(java.util.Comparator.comparing(Busy::start))
                .map(b -> new AvailabilityResponses.TakenTime(b.start().atZone(rules.zone()).toOffsetDateTime(),
                        b.end().atZone(rules.zone()).toOffsetDateTime())).toList();
        return new InstructorFreeTime(s.instructorId(), rules.zone().getId(), days, s.version(), rules.minNoticeHours(),
                rules.bufferMinutes(), rules.horizonDays(), datesOf(s, from, to), taken);
    }

    public Uni<MyAvailability> myAvailability(UUID instructorId, LocalDate from, LocalDate to) {
        checkRange(from, to);
        return store.snapshot(pool, instructorId, from, to).map(s -> new MyAvailability(instructorId,
                s.rules().zone().getId(), s.rules().minNoticeHours(), s.rules().bufferMinutes(), s.rules().horizonDays(),
                datesOf(s, from, to)));
    }

    /** The dates of the range with windows or a blackout. */
    private static List<DayWindows> datesOf(Snapshot s, LocalDate from, LocalDate to) {
        List<DayWindows> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            List<Window> windows = s.windows().getOrDefault(d, List.of());
            if (!windows.isEmpty() || s.blackouts().contains(d)) {
                dates.add(new DayWindows(d, AvailabilityEvents.ranges(windows), s.blackouts().contains(d)));
            }
        }
        return dates;
    }

    // ---- writes: each in one transaction, with one availability.changed event ----

    public Uni<Void> setDate(UUID instructorId, String token, LocalDate date, List<WindowDto> windows) {
        Map<LocalDate, List<Window>> byDate = new TreeMap<>();
        byDate.put(date, windows(windows, "windows"));
        return write(instructorId, token, byDate.keySet(), (conn, zone) -> {
            checkNotPast(date, zone, "date");
            return replaceKeepingLessons(conn, instructorId, zone, byDate);
        });
    }

    public Uni<Void> setWeek(UUID instructorId, String token, LocalDate weekStart, Map<String, List<WindowDto>> days) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw ApiException.invalid("weekStart", "must be a Monday");
        }
        Map<DayOfWeek, List<Window>> pattern = pattern(days);
        Map<LocalDate, List<Window>> byDate = new TreeMap<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = weekStart.plusDays(i);
            byDate.put(date, pattern.getOrDefault(date.getDayOfWeek(), List.of()));
        }
        return write(instructorId, token, byDate.keySet(), (conn, zone) -> {
            byDate.keySet().removeIf(d -> d.isBefore(today(zone)));
            return replaceKeepingLessons(conn, instructorId, zone, byDate);
        });
    }

    /**
     * Copies a week's windows onto the following {@code weeks} weeks. A target week that is already over is
     * refused (400, nothing written); of the current week only today and later are written.
     */
    public Uni<Void> copyWeek(UUID instructorId, String token, LocalDate weekStart, int weeks) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw ApiException.invalid("weekStart", "must be a Monday");
        }
        List<LocalDate> targets = new ArrayList<>();
        for (int w = 1; w <= weeks; w++) {
            for (int d = 0; d < 7; d++) {
                targets.add(weekStart.plusWeeks(w).plusDays(d));
            }
        }
        return write(instructorId, token, targets, (conn, zone) -> {
            LocalDate today = today(zone);
            LocalDate firstTargetEnd = weekStart.plusWeeks(1).plusDays(6);
            if (firstTargetEnd.isBefore(today)) {
                throw ApiException.invalid("weekStart", "copying onto past weeks is not allowed: the week of "
                        + weekStart.plusWeeks(1) + " is over; copy a recent week onto the weeks ahead");
            }
            targets.removeIf(date -> date.isBefore(today));
            return store.snapshot(conn, instructorId, weekStart, weekStart.plusDays(6))
                .flatMap(source -> {
                    Map<LocalDate, List<Window>> byDate = new TreeMap<>();
                    targets.forEach(date -> byDate.put(date, source.windows().getOrDefault(
                            weekStart.plusDays(ChronoUnit.DAYS.between(weekStart, date) % 7), List.of())));
                    return replaceKeepingLessons(conn, instructorId, zone, byDate);
                });
        });
    }

    public Uni<Void> applyPattern(UUID instructorId, String token, AvailabilityRequests.PatternRequest request) {
        checkRange(request.from(), request.to());
        Map<DayOfWeek, List<Window>> pattern = pattern(request.days());
        Map<LocalDate, List<Window>> byDate = new TreeMap<>();
        for (LocalDate d = request.from(); !d.isAfter(request.to()); d = d.plusDays(1)) {
            byDate.put(d, pattern.getOrDefault(d.getDayOfWeek(), List.of()));
        }
        return write(instructorId, token, byDate.keySet(), (conn, zone) -> {
            checkNotPast(request.from(), zone, "from");
            return replaceKeepingLessons(conn, instructorId, zone, byDate);
        });
    }

    public Uni<Void> addBlackouts(UUID instructorId, String token, AvailabilityRequests.BlackoutRequest request) {
        List<LocalDate> dates = dates(request.from(), request.to());
        return write(instructorId, token, dates, (conn, zone) -> {
            checkNotPast(request.from(), zone, "from");
            return store.addBlackouts(conn, instructorId, dates, request.reason());
        });
    }

    public Uni<Void> removeBlackouts(UUID instructorId, String token, LocalDate from, LocalDate to) {
        List<LocalDate> dates = dates(from, to);
        return write(instructorId, token, dates, (conn, zone) -> store.removeBlackouts(conn, instructorId, dates));
    }

    public Uni<Void> updateSettings(UUID instructorId, String token, AvailabilityRequests.SettingsRequest settings) {
        return write(instructorId, token, List.of(), (conn, zone) -> store.updateSettings(conn, instructorId, settings));
    }

    /**
     * Replaces the windows of the dates, never the time of a confirmed lesson: a window that would leave a lesson
     * outside is widened to hold it (the lesson stands either way; this keeps the published time telling the truth).
     */
    private Uni<Void> replaceKeepingLessons(SqlConnection conn, UUID instructorId, ZoneId zone,
            Map<LocalDate, List<Window>> byDate) {
        return store.lessonTimes(conn, instructorId, zone, byDate.keySet()).flatMap(lessons -> {
            Map<LocalDate, List<Window>> kept = new TreeMap<>();
            byDate.forEach((date, windows) -> kept.put(date, union(windows, lessons.getOrDefault(date, List.of()))));
            return store.replaceWindows(conn, instructorId, kept);
        });
    }

    /** The windows and the lessons' times together, overlapping and touching ones joined, in order. */
    static List<Window> union(List<Window> windows, List<Window> lessons) {
        if (lessons.isEmpty()) {
            return windows;
        }
        List<Window> all = new ArrayList<>(windows);
        all.addAll(lessons);
        all.sort(java.util.Comparator.comparing(Window::start));
        List<Window> joined = new ArrayList<>();
        for (Window w : all) {
            Window last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && !w.start().isAfter(last.end())) {
                joined.set(joined.size() - 1, new Window(last.start(), w.end().isAfter(last.end()) ? w.end() : last.end()));
            } else {
                joined.add(w);
            }
        }
        return joined;
    }

    interface Change {
        Uni<Void> apply(SqlConnection conn, ZoneId zone);
    }

    /**
     * Runs a change in one transaction and records the resulting windows of the touched dates (none for
     * a change of settings: the event then carries the new rules only).
     */
    private Uni<Void> write(UUID instructorId, String token, java.util.Collection<LocalDate> touched, Change change) {
        return zoneOf(instructorId, token).flatMap(zone -> pool.withTransaction(conn -> store
                        .ensureSettings(conn, instructorId, zone)
                        .chain(() -> change.apply(conn, ZoneId.of(zone)))
                        .chain(() -> events.changed(conn, instructorId, touched))));
    }

    /** The instructor's zone: from their settings, or (first time) from their catalog profile. */
    private Uni<String> zoneOf(UUID instructorId, String token) {
        return pool.preparedQuery("SELECT time_zone FROM instructor_settings WHERE instructor_id = $1")
                .execute(Tuple.of(instructorId))
                .flatMap(rows -> rows.size() > 0 ? Uni.createFrom().item(rows.iterator().next().getString(0))
                        : catalog.ownProfile(instructorId, token).map(profile -> profile
                                .map(p -> p.timeZone() == null ? AvailabilityStore.DEFAULT_ZONE : p.timeZone())
                                .orElseThrow(() -> ApiException.conflict(
                                        "create your instructor profile first (PUT /api/v1/instructors/me)"))));
    }

    // ---- validation ----

    static List<Window> windows(List<WindowDto> dtos, String field) {
        List<Window> windows = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < dtos.size(); i++) {
            LocalTime start = LocalTime.parse(dtos.get(i).start());
            LocalTime end = LocalTime.parse(dtos.get(i).end());
            String at = field + "[" + i + "]";
            if (start.getMinute() % Schedule.GRID_MINUTES != 0 || end.getMinute() % Schedule.GRID_MINUTES != 0) {
                errors.add(new Problem.FieldError(at, "windows start and end on the quarter hour"));
            } else if (!end.isAfter(start)) {
                errors.add(new Problem.FieldError(at, "end must be after start"));
            } else {
                windows.add(new Window(start, end));
            }
        }
        windows.sort(java.util.Comparator.comparing(Window::start));
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).start().isBefore(windows.get(i - 1).end())) {
                errors.add(new Problem.FieldError(field, "windows " + windows.get(i - 1).start() + "-"
                        + windows.get(i - 1).end() + " and " + windows.get(i).start() + "-" + windows.get(i).end()
                        + " overlap"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid request", errors.get(0).field() + " "
                    + errors.get(0).message(), errors);
        }
        return windows;
    }

    private static Map<DayOfWeek, List<Window>> pattern(Map<String, List<WindowDto>> days) {
        Map<DayOfWeek, List<Window>> pattern = new TreeMap<>();
        days.forEach((name, dtos) -> {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("days." + name, "is not a weekday name (monday..sunday)");
            }
            pattern.put(day, windows(dtos, "days." + name));
        });
        return pattern;
    }

    private void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= config.rules().maxQueryDays()) {
            throw ApiException.invalid("to", "a range covers at most " + config.rules().maxQueryDays() + " days");
        }
    }

    /** One free-time search answers for at most maxFreeTimeInstructors instructors and maxFreeTimeDays days. */
    private void checkFreeTimeSize(AvailabilityRequests.SearchRequest request) {
        int instructors = (int) request.instructorIds().stream().distinct().count();
        if (instructors > config.rules().maxFreeTimeInstructors()) {
            throw ApiException.invalid("instructorIds", "at most " + config.rules().maxFreeTimeInstructors()
                    + " instructors per call (" + instructors + " asked); split them into several calls");
        }
        long days = ChronoUnit.DAYS.between(request.from(), request.to()) + 1;
        if (days > config.rules().maxFreeTimeDays()) {
            throw ApiException.invalid("to", "a free-time search covers at most " + config.rules().maxFreeTimeDays()
                    + " days (" + days + " asked); split the range into several calls");
        }
    }

    public static void checkDuration(String field, int minutes) {
        if (minutes < 15 || minutes > 240 || minutes % 15 != 0) {
            throw ApiException.invalid(field, "must be 15 to 240 minutes in 15-minute steps");
        }
    }

    private void checkNotPast(LocalDate date, ZoneId zone, String field) {
        if (date.isBefore(today(zone))) {
            throw ApiException.invalid(field, date + " is in the past");
        }
    }

    private LocalDate today(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private List<LocalDate> dates(LocalDate from, LocalDate to) {
        checkRange(from, to);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            dates.add(d);
        }
        return dates;
    }


}
