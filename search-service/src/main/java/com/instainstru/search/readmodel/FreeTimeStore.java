package com.instainstru.search.readmodel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes instructors' free time: the windows of each date (from availability.changed, by the
 * instructor's availability version), the time their lessons take (booking.created; a cancellation is
 * a tombstone nothing older undoes) and their booking rules; free = windows − taken time, each taken
 * stretch widened before its start by the buffer. Every write first takes a lock on the instructor for
 * its transaction, so two pods applying two of their events at once never compute free time from each
 * other's half.
 */
@ApplicationScoped
public class FreeTimeStore {

    /** A date's windows in the instructor's local time ({@code HH:MM}, the end may be {@code 24:00}). */
    public record DayWindows(LocalDate date, List<String[]> windows) {
    }

    /** Booking's rules for an instructor, with the availability version they come from. */
    public record Rules(String timeZone, int minNoticeHours, int bufferMinutes, int horizonDays, long version) {
    }

    /** Serialises this transaction's free-time writes for one instructor with every other pod's. */
    Uni<Void> lock(SqlClient sql, UUID instructorId) {
        return sql.preparedQuery("SELECT pg_advisory_xact_lock(7241, hashtext($1::uuid::text))").execute(Tuple.of(instructorId))
                .replaceWithVoid();
    }

    /**
     * availability.changed: the rules (when given) and each date's windows, where this version is at least
     * as new as what is held.
     */
    public Uni<Void> replaceWindows(SqlClient sql, UUID instructorId, ZoneId zone, long version, Rules rules,
            List<DayWindows> days) {
        return lock(sql, instructorId)
                .chain(() -> writeWindows(sql, instructorId, zone, version, rules, days))
                .flatMap(written -> written.bufferChanged() ? refreshAll(sql, instructorId).chain(() -> collect(sql, instructorId))
                        : !written.days().isEmpty() ? refresh(sql, instructorId,
                                written.days().stream().min(LocalDate::compareTo).orElseThrow(),
                                written.days().stream().max(LocalDate::compareTo).orElseThrow())
                                .chain(() -> collect(sql, instructorId))
                        : written.rulesChanged() ? collect(sql, instructorId)
                        : Uni.createFrom().voidItem()); // the same event again, or one older than what is held
    }

    /**
     * A reconciliation's repair of one instructor, from what booking-service answered: their rules and
     * the windows of the dates that differ (by the answer's version, unless an event since was newer),
     * taken time search did not know (kept as {@code reconciled}) and taken time booking no longer has.
     */
    public Uni<Void> repair(SqlClient sql, UUID instructorId, ZoneId zone, long version, Rules rules,
            List<DayWindows> days, List<long[]> taken, List<UUID> freed, LocalDate from, LocalDate to) {
        List<Tuple> added = taken.stream().map(t -> Tuple.of(UUID.nameUUIDFromBytes(("reconciled:" + instructorId + ":"
                + t[0] + ":" + t[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8)), instructorId,
                OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(t[0]), java.time.ZoneOffset.UTC),
                OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(t[1]), java.time.ZoneOffset.UTC))).toList();
        return lock(sql, instructorId)
                .chain(() -> writeWindows(sql, instructorId, zone, version, rules, days))
                .call(() -> added.isEmpty() ? Uni.createFrom().voidItem() : sql.preparedQuery("""
                        INSERT INTO booked AS b (booking_id, instructor_id, during, reconciled)
                        VALUES ($1, $2, tstzrange($3, $4), true)
                        ON CONFLICT (booking_id) DO UPDATE SET cancelled = false, noted_at = now()""")
                        .executeBatch(added).replaceWithVoid())
                .call(() -> freed.isEmpty() ? Uni.createFrom().voidItem() : sql.preparedQuery(
                                "UPDATE booked SET cancelled = true, noted_at = now() WHERE booking_id = ANY($1)")
                        .execute(Tuple.of((Object) freed.toArray(UUID[]::new))).replaceWithVoid())
                .flatMap(written -> written.bufferChanged() ? refreshAll(sql, instructorId)
                        : refresh(sql, instructorId, from.minusDays(1), to.plusDays(1)))
                .chain(() -> collect(sql, instructorId));
    }

    /** What a write changed: the dates whose windows it wrote, whether the rules (and among them the buffer) changed. */
    record Written(List<LocalDate> days, boolean rulesChanged, boolean bufferChanged) {
    }

    /**
     * The rules and the windows, each where this version is newer, or as new and different (a source
     * changed without a new version is repaired by the reconciliation with the same version).
     */
    private Uni<Written> writeWindows(SqlClient sql, UUID instructorId, ZoneId zone, long version, Rules rules,
            List<DayWindows> days) {
        List<Tuple> rows = days.stream().map(d -> Tuple.of(instructorId, d.date(), multirange(zone, d), version)).toList();
        return (rules == null ? Uni.createFrom().item(new boolean[] {false, false}) : upsertRules(sql, instructorId, rules))
                .flatMap(changed -> (rows.isEmpty() ? Uni.createFrom().item(List.<LocalDate>of()) : sql.preparedQuery("""
                        INSERT INTO availability AS a (instructor_id, day, windows, free, version)
                        VALUES ($1, $2, $3::tstzmultirange, '{}', $4)
                        ON CONFLICT (instructor_id, day) DO UPDATE SET windows = EXCLUDED.windows, version = EXCLUDED.version
                        WHERE a.version < EXCLUDED.version
                           OR a.version = EXCLUDED.version AND a.windows <> EXCLUDED.windows
                        RETURNING day""").executeBatch(rows).map(FreeTimeStore::days))
                        .map(written -> new Written(written, changed[0], changed[1])));
    }

    private static List<LocalDate> days(io.vertx.mutiny.sqlclient.RowSet<Row> result) {
        List<LocalDate> out = new ArrayList<>();
        for (var rs = result; rs != null; rs = rs.next()) {
            rs.forEach(r -> out.add(r.getLocalDate("day")));
        }
        return out;
    }

    /** The rules if this version is newer, or as new and different: {whether they changed, whether the buffer did}. */
    private Uni<boolean[]> upsertRules(SqlClient sql, UUID instructorId, Rules r) {
        return sql.preparedQuery("""
                        WITH before AS (SELECT buffer_minutes FROM booking_rules WHERE instructor_id = $1)
                        INSERT INTO booking_rules AS r (instructor_id, time_zone, min_notice_hours, buffer_minutes,
                                                        horizon_days, version)
                        VALUES ($1, $2, $3, $4, $5, $6)
                        ON CONFLICT (instructor_id) DO UPDATE SET time_zone = EXCLUDED.time_zone,
                            min_notice_hours = EXCLUDED.min_notice_hours, buffer_minutes = EXCLUDED.buffer_minutes,
                            horizon_days = EXCLUDED.horizon_days, version = EXCLUDED.version
                        WHERE r.version < EXCLUDED.version
                           OR r.version = EXCLUDED.version AND (r.time_zone, r.min_notice_hours, r.buffer_minutes,
                              r.horizon_days) IS DISTINCT FROM (EXCLUDED.time_zone, EXCLUDED.min_notice_hours,
                              EXCLUDED.buffer_minutes, EXCLUDED.horizon_days)
                        RETURNING coalesce((SELECT buffer_minutes FROM before), 0) <> buffer_minutes AS buffer_changed""")
                .execute(Tuple.from(List.of(instructorId, ReadModelStore.validZone(r.timeZone()), r.minNoticeHours(),
                        r.bufferMinutes(), r.horizonDays(), r.version())))
                .map(result -> new boolean[] {result.size() == 1,
                        result.size() == 1 && result.iterator().next().getBoolean("buffer_changed")});
    }

    /** booking.created: the lesson's time is taken (to the end of its buffer) unless it was cancelled already. */
    public Uni<Void> addBooking(SqlClient sql, UUID bookingId, UUID instructorId, OffsetDateTime start,
            OffsetDateTime blockedUntil) {
        return lock(sql, instructorId)
                .chain(() -> sql.preparedQuery("""
                        INSERT INTO booked (booking_id, instructor_id, during) VALUES ($1, $2, tstzrange($3, $4))
                        ON CONFLICT (booking_id) DO NOTHING""").execute(Tuple.of(bookingId, instructorId, start, blockedUntil)))
                // Known already (cancelled first, or told again): nothing changes.
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : refreshAround(sql, instructorId, start, blockedUntil));
    }

    /**
     * booking.cancelled: a tombstone, so that a booking.created applied after it changes nothing. Time a
     * reconciliation found taken at the same start (without knowing the booking) is freed with it.
     */
    public Uni<Void> cancelBooking(SqlClient sql, UUID bookingId, UUID instructorId, OffsetDateTime start,
            OffsetDateTime end) {
        return lock(sql, instructorId)
                .chain(() -> sql.preparedQuery("""
                        INSERT INTO booked AS b (booking_id, instructor_id, during, cancelled)
                        VALUES ($1, $2, coalesce(tstzrange($3, $4), 'empty'), true)
                        ON CONFLICT (booking_id) DO UPDATE SET cancelled = true, noted_at = now()
                        RETURNING lower(b.during) AS s, upper(b.during) AS e""")
                        .execute(Tuple.of(bookingId, instructorId, start, end)))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime from = row.getOffsetDateTime("s");
                    OffsetDateTime to = row.getOffsetDateTime("e");
                    Uni<Void> reconciled = from == null ? Uni.createFrom().voidItem() : sql.preparedQuery("""
                                    UPDATE booked SET cancelled = true, noted_at = now()
                                    WHERE instructor_id = $1 AND reconciled AND NOT cancelled AND lower(during) = $2""")
                            .execute(Tuple.of(instructorId, from)).replaceWithVoid();
                    return from == null ? reconciled : reconciled.chain(() -> refreshAround(sql, instructorId, from, to));
                });
    }

    private Uni<Void> refreshAround(SqlClient sql, UUID instructorId, OffsetDateTime start, OffsetDateTime end) {
        return refresh(sql, instructorId, start.toLocalDate().minusDays(1), end.toLocalDate().plusDays(1))
                .chain(() -> collect(sql, instructorId));
    }

    /** Every date: the buffer, which widens each taken time, changed. */
    private Uni<Void> refreshAll(SqlClient sql, UUID instructorId) {
        return refresh(sql, instructorId, LocalDate.of(2000, 1, 1), LocalDate.of(9999, 12, 31));
    }

    Uni<Void> refresh(SqlClient sql, UUID instructorId, LocalDate from, LocalDate to) {
        return sql.preparedQuery("SELECT refresh_free($1, $2, $3)").execute(Tuple.of(instructorId, from, to))
                .replaceWithVoid();
    }

    /** Gathers an instructor's free dates into the one multirange on their row, with booking's rules. */
    Uni<Void> collect(SqlClient sql, UUID instructorId) {
        return sql.preparedQuery("""
                        UPDATE instructor i SET free = f.free, notice_minutes = f.notice, horizon_days = f.horizon,
                                                schedule_zone = f.zone
                        FROM (SELECT coalesce((SELECT range_agg(a.free) FROM availability a
                                               WHERE a.instructor_id = $1 AND a.day >= current_date - 1), '{}') AS free,
                                     coalesce(r.min_notice_hours * 60, 0) AS notice, coalesce(r.horizon_days, 365) AS horizon,
                                     r.time_zone AS zone
                              FROM (SELECT 1) one LEFT JOIN booking_rules r ON r.instructor_id = $1) f
                        WHERE i.id = $1""")
                .execute(Tuple.of(instructorId)).replaceWithVoid();
    }

    // ---- helpers ----

    static String multirange(ZoneId zone, DayWindows day) {
        List<String> ranges = new ArrayList<>();
        for (String[] w : day.windows()) {
            OffsetDateTime start = at(day.date(), w[0], zone);
            OffsetDateTime end = at(day.date(), w[1], zone);
            if (end.isAfter(start)) {
                ranges.add("[\"" + start + "\",\"" + end + "\")");
            }
        }
        return "{" + String.join(",", ranges) + "}";
    }

    private static OffsetDateTime at(LocalDate date, String hhmm, ZoneId zone) {
        if ("24:00".equals(hhmm)) {
            return date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        }
        return date.atTime(LocalTime.parse(hhmm)).atZone(zone).toOffsetDateTime();
    }

}
