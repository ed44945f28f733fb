package com.instainstru.booking.availability;

import com.instainstru.booking.availability.Schedule.Busy;
import com.instainstru.booking.availability.Schedule.Rules;
import com.instainstru.booking.availability.Schedule.Window;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** SQL for availability: everything one schedule needs comes back in a single round trip. */
@ApplicationScoped
public class AvailabilityStore {

    public static final String DEFAULT_ZONE = "America/New_York";

    /** One instructor's settings, windows, blackouts and taken time over a date range. */
    public record Snapshot(UUID instructorId, Rules rules, boolean hasSettings, long version,
            Map<LocalDate, List<Window>> windows, Set<LocalDate> blackouts, List<Busy> busy) {

        public Schedule schedule(java.time.Instant now) {
            return new Schedule(rules, windows, blackouts, busy, now);
        }
    }

    private static final String SNAPSHOT = """
            SELECT instructor_id, 's' AS kind, NULL::date AS d, NULL::time AS t1, NULL::time AS t2,
                   NULL::timestamptz AS a, NULL::timestamptz AS b, time_zone AS tz,
                   min_notice_hours AS notice, buffer_minutes AS buffer, horizon_days AS horizon,
                   availability_version AS version
              FROM instructor_settings WHERE instructor_id = ANY($1)
            UNION ALL
            SELECT instructor_id, 'w', date, start_time, end_time, NULL, NULL, NULL, NULL, NULL, NULL, NULL
              FROM availability_window WHERE instructor_id = ANY($1) AND date BETWEEN $2 AND $3
            UNION ALL
            SELECT instructor_id, 'x', date, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
              FROM blackout_date WHERE instructor_id = ANY($1) AND date BETWEEN $2 AND $3
            UNION ALL
            SELECT instructor_id, 'k', NULL, NULL, NULL, start_at, blocked_until, NULL, NULL, NULL, NULL, NULL
              FROM booking WHERE instructor_id = ANY($1) AND status = 'confirmed'
               AND start_at < $5 AND blocked_until > $4
            """;

    /** Schedules of the given instructors from {@code from} to {@code to}, one statement. */
    public Uni<Map<UUID, Snapshot>> snapshots(SqlClient sql, Collection<UUID> instructorIds, LocalDate from, LocalDate to) {
        // Taken time is fetched with a day's margin either side: zones are at most 14 hours from UTC.
        OffsetDateTime lower = from.minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime upper = to.plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC);
        return sql.preparedQuery(SNAPSHOT)
                .execute(Tuple.of(instructorIds.toArray(UUID[]::new), from, to, lower, upper))
                .map(rows -> {
                    Map<UUID, Builder> builders = new HashMap<>();
                    instructorIds.forEach(id -> builders.put(id, new Builder(id)));
                    for (Row r : rows) {
                        builders.get(r.getUUID("instructor_id")).add(r);
                    }
                    Map<UUID, Snapshot> result = new HashMap<>();
                    builders.forEach((id, b) -> result.put(id, b.build()));
                    return result;
                });
    }

    public Uni<Snapshot> snapshot(SqlClient sql, UUID instructorId, LocalDate from, LocalDate to) {
        return snapshots(sql, List.of(instructorId), from, to).map(all -> all.get(instructorId));
    }

    /** Creates the instructor's settings row (with their time zone) if missing, and locks it for this transaction. */
    public Uni<Void> ensureSettings(SqlClient sql, UUID instructorId, String timeZone) {
        return sql.preparedQuery("INSERT INTO instructor_settings (instructor_id, time_zone) VALUES ($1, $2) "
                        + "ON CONFLICT (instructor_id) DO NOTHING").execute(Tuple.of(instructorId, timeZone))
                .chain(() -> sql.preparedQuery("SELECT 1 FROM instructor_settings WHERE instructor_id = $1 FOR UPDATE")
                        .execute(Tuple.of(instructorId)))
                .replaceWithVoid();
    }

    public Uni<Void> updateSettings(SqlClient sql, UUID instructorId, AvailabilityRequests.SettingsRequest s) {
        return sql.preparedQuery("UPDATE instructor_settings SET min_notice_hours = $2, buffer_minutes = $3, "
                        + "horizon_days = $4, updated_at = now() WHERE instructor_id = $1")
                .execute(Tuple.of(instructorId, s.minNoticeHours(), s.bufferMinutes(), s.horizonDays()))
                .replaceWithVoid();
    }

    /** Replaces the windows of every date in {@code byDate} (an empty list clears that date). */
    public Uni<Void> replaceWindows(SqlClient sql, UUID instructorId, Map<LocalDate, List<Window>> byDate) {
        LocalDate[] dates = byDate.keySet().toArray(LocalDate[]::new);
        List<LocalDate> d = new ArrayList<>();
        List<LocalTime> s = new ArrayList<>();
        List<LocalTime> e = new ArrayList<>();
        byDate.forEach((date, windows) -> windows.forEach(w -> {
            d.add(date);
            s.add(w.start());
            e.add(w.end());
        }));
        return sql.preparedQuery("DELETE FROM availability_window WHERE instructor_id = $1 AND date = ANY($2)")
                .execute(Tuple.of(instructorId, dates))
                .chain(() -> d.isEmpty() ? Uni.createFrom().nullItem() : sql.preparedQuery("""
                                INSERT INTO availability_window (instructor_id, date, start_time, end_time)
                                SELECT $1, * FROM unnest($2::date[], $3::time[], $4::time[])""")
                        .execute(Tuple.of(instructorId, d.toArray(LocalDate[]::new), s.toArray(LocalTime[]::new),
                                e.toArray(LocalTime[]::new))))
                .replaceWithVoid();
    }

    /**
     * The times of the instructor's confirmed lessons on the given dates, local to {@code zone} (lessons never cross
     * the instructor's midnight), so that replacing a date's windows can keep them.
     */
    public Uni<Map<LocalDate, List<Window>>> lessonTimes(SqlClient sql, UUID instructorId, ZoneId zone,
            Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
        return sql.preparedQuery("SELECT start_at, end_at FROM booking WHERE instructor_id = $1 AND status = 'confirmed' "
                        + "AND start_at >= $2 AND start_at < $3")
                .execute(Tuple.of(instructorId, first.atStartOfDay(zone).toOffsetDateTime(),
                        last.plusDays(1).atStartOfDay(zone).toOffsetDateTime()))
                .map(rows -> {
                    Map<LocalDate, List<Window>> byDate = new TreeMap<>();
                    for (Row r : rows) {
                        java.time.ZonedDateTime start = r.getOffsetDateTime("start_at").atZoneSameInstant(zone);
                        java.time.ZonedDateTime end = r.getOffsetDateTime("end_at").atZoneSameInstant(zone);
                        // A lesson lies inside one date's windows, which end by 23:45: it cannot reach the next date.
                        if (dates.contains(start.toLocalDate()) && end.toLocalDate().equals(start.toLocalDate())) {
                            byDate.computeIfAbsent(start.toLocalDate(), k -> new ArrayList<>())
                                    .add(new Window(start.toLocalTime(), end.toLocalTime()));
                        }
                    }
                    return byDate;
                });
    }

    public Uni<Void> addBlackouts(SqlClient sql, UUID instructorId, List<LocalDate> dates, String reason) {
        return sql.preparedQuery("""
                        INSERT INTO blackout_date (instructor_id, date, reason) SELECT $1, d, $3 FROM unnest($2::date[]) d
                        ON CONFLICT (instructor_id, date) DO UPDATE SET reason = EXCLUDED.reason""")
                .execute(Tuple.of(instructorId, dates.toArray(LocalDate[]::new), reason)).replaceWithVoid();
    }

    public Uni<Void> removeBlackouts(SqlClient sql, UUID instructorId, List<LocalDate> dates) {
        return sql.preparedQuery("DELETE FROM blackout_date WHERE instructor_id = $1 AND date = ANY($2)")
                .execute(Tuple.of(instructorId, dates.toArray(LocalDate[]::new))).replaceWithVoid();
    }

    private static final class Builder {
        private final UUID id;
        private Rules rules = new Rules(ZoneId.of(DEFAULT_ZONE), 0, 0, 90);
        private boolean hasSettings;
        private long version;
        private final Map<LocalDate, List<Window>> windows = new TreeMap<>();
        private final Set<LocalDate> blackouts = new HashSet<>();
        private final List<Busy> busy = new ArrayList<>();

        Builder(UUID id) {
            this.id = id;
        }

        void add(Row r) {
            switch (r.getString("kind")) {
                case "s" -> {
                    rules = new Rules(ZoneId.of(r.getString("tz")), r.getInteger("notice"), r.getInteger("buffer"),
                            r.getInteger("horizon"));
                    hasSettings = true;
                    version = r.getLong("version");
                }
                case "w" -> windows.computeIfAbsent(r.getLocalDate("d"), k -> new ArrayList<>())
                        .add(new Window(r.getLocalTime("t1"), r.getLocalTime("t2")));
                case "x" -> blackouts.add(r.getLocalDate("d"));
                default -> busy.add(new Busy(r.getOffsetDateTime("a").toInstant(), r.getOffsetDateTime("b").toInstant()));
            }
        }

        Snapshot build() {
            windows.values().forEach(list -> list.sort(java.util.Comparator.comparing(Window::start)));
            return new Snapshot(id, rules, hasSettings, version, windows, blackouts, busy);
        }
    }
}
