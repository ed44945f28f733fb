package com.instainstru.search.readmodel;

import static com.instainstru.platform.sql.TransientConflicts.retried;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.search.readmodel.FreeTimeStore.DayWindows;
import com.instainstru.search.readmodel.FreeTimeStore.Rules;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Compares instructors' free time in the read model with booking-service — each date's windows
 * (blackouts included), the lessons that take time, the booking rules — over the coming
 * {@link BookingApi#MAX_DAYS} days, {@link BookingApi#MAX_INSTRUCTORS} instructors a call, and repairs
 * the instructors whose free time differs. What an event changed after booking answered is left alone:
 * a date written from a newer version, taken time noted after the call was made.
 */
@ApplicationScoped
class FreeTimeReconciliation {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @RestClient
    BookingApi booking;

    @Inject
    Pool pool;

    @Inject
    FreeTimeStore store;

    @Inject
    Clock clock;

    Uni<Void> reconcile(List<UUID> instructors, ReconcileReport.Tally t) {
        LocalDate from = LocalDate.now(clock.withZone(NEW_YORK));
        LocalDate to = from.plusDays(BookingApi.MAX_DAYS - 1L);
        return Multi.createFrom().iterable(CatalogReconciliation.chunks(instructors, BookingApi.MAX_INSTRUCTORS))
                .onItem().transformToUniAndConcatenate(chunk -> chunk(chunk, from, to, t))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> chunk(List<UUID> ids, LocalDate from, LocalDate to, ReconcileReport.Tally t) {
        return pool.query("SELECT clock_timestamp() AS now").execute()
                .map(rows -> rows.iterator().next().getOffsetDateTime("now"))
                .flatMap(since -> booking.freeTime(new BookingApi.FreeTimeRequest(ids, from, to))
                        .flatMap(answer -> held(ids, from, to).flatMap(held -> {
                            Map<UUID, Repair> repairs = new java.util.LinkedHashMap<>();
                            for (JsonNode source : answer.path("instructors")) {
                                UUID id = UUID.fromString(source.path("instructorId").asText());
                                t.schedules.incrementAndGet();
                                Repair repair = compare(source, held.getOrDefault(id, Held.NONE), from, to, since);
                                if (repair != null) {
                                    t.schedulesRepaired.incrementAndGet();
                                    t.dates.addAndGet(repair.days().size());
                                    t.taken.addAndGet(repair.taken().size() + repair.freed().size());
                                    repairs.put(id, repair);
                                }
                            }
                            // One transaction for the chunk's repairs (a rebuild repairs every instructor); if it
                            // fails (an event's transaction held one of the instructors), one per instructor.
                            return repairs.isEmpty() ? Uni.createFrom().voidItem() : pool.withTransaction(conn ->
                                            repair(conn, repairs.entrySet(), from, to))
                                    .onFailure().recoverWithUni(e -> Multi.createFrom().iterable(repairs.entrySet())
                                            .onItem().transformToUniAndConcatenate(one -> retried(pool.withTransaction(conn ->
                                                    repair(conn, List.of(one), from, to))))
                                            .collect().last().replaceWithVoid());
                        })));
    }

    private Uni<Void> repair(io.vertx.mutiny.sqlclient.SqlClient conn, java.util.Collection<Map.Entry<UUID, Repair>> repairs,
            LocalDate from, LocalDate to) {
        return Multi.createFrom().iterable(repairs).onItem()
                .transformToUniAndConcatenate(e -> store.repair(conn, e.getKey(), e.getValue().zone(), e.getValue().version(),
                        e.getValue().rules(), e.getValue().days(), e.getValue().taken(), e.getValue().freed(), from, to))
                .collect().last().replaceWithVoid();
    }

    /** What search holds about one instructor's schedule over the range. */
    record Held(Rules rules, Map<LocalDate, long[]> windows, Map<LocalDate, Long> versions, List<Taken> taken) {

        static final Held NONE = new Held(null, Map.of(), Map.of(), List.of());
    }

    record Taken(UUID bookingId, long start, long end, boolean cancelled, OffsetDateTime notedAt) {
    }

    record Repair(ZoneId zone, long version, Rules rules, List<DayWindows> days, List<long[]> taken, List<UUID> freed) {
    }

    /** The repair one instructor needs, or null when search agrees with booking. */
    static Repair compare(JsonNode source, Held held, LocalDate from, LocalDate to, OffsetDateTime since) {
        ZoneId zone = ZoneId.of(ReadModelStore.validZone(source.path("timeZone").asText(null)));
        long version = source.path("version").asLong(0);
        Map<LocalDate, JsonNode> dates = new HashMap<>();
        source.path("dates").forEach(d -> dates.put(LocalDate.parse(d.path("date").asText()), d));
        boolean scheduled = version > 0 || !dates.isEmpty() || !source.path("taken").isEmpty();

        Rules rules = EventApplier.rules(source);
        boolean rulesDiffer = scheduled && rules != null && (held.rules() == null ? true
                : held.rules().version() <= version && !sameRules(rules, held.rules()));

        List<DayWindows> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            JsonNode date = dates.get(d);
            List<String[]> windows = new ArrayList<>();
            if (date != null && !date.path("blackout").asBoolean(false)) {
                date.path("windows").forEach(w -> windows.add(new String[] {w.path("start").asText(), w.path("end").asText()}));
            }
            DayWindows expected = new DayWindows(d, windows);
            long[] mine = held.windows().getOrDefault(d, new long[0]);
            if (held.versions().getOrDefault(d, 0L) <= version && !Arrays.equals(millis(zone, expected), mine)) {
                days.add(expected);
            }
        }

        long now = since.toInstant().toEpochMilli();
        Set<String> taken = new HashSet<>();
        List<long[]> sourceTaken = new ArrayList<>();
        for (JsonNode k : source.path("taken")) {
            long s = OffsetDateTime.parse(k.path("start").asText()).toInstant().toEpochMilli();
            long e = OffsetDateTime.parse(k.path("end").asText()).toInstant().toEpochMilli();
            if (e > now) {
                taken.add(s + ":" + e);
                sourceTaken.add(new long[] {s, e});
            }
        }
        Set<String> mineTaken = new HashSet<>();
        Set<Long> freshlyCancelled = new HashSet<>();
        List<UUID> freed = new ArrayList<>();
        for (Taken k : held.taken()) {
            if (k.cancelled()) {
                if (!k.notedAt().isBefore(since)) {
                    freshlyCancelled.add(k.start()); // cancelled after booking answered: the answer may predate it
                }
            } else if (k.end() > now) {
                mineTaken.add(k.start() + ":" + k.end());
                if (!taken.contains(k.start() + ":" + k.end()) && k.notedAt().isBefore(since)) {
                    freed.add(k.bookingId());
                }
            }
        }
        List<long[]> added = sourceTaken.stream()
                .filter(k -> !mineTaken.contains(k[0] + ":" + k[1]) && !freshlyCancelled.contains(k[0])).toList();

        if (!rulesDiffer && days.isEmpty() && added.isEmpty() && freed.isEmpty()) {
            return null;
        }
        return new Repair(zone, version, rulesDiffer ? rules : null, days, added, freed);
    }

    private static boolean sameRules(Rules a, Rules b) {
        return ReadModelStore.validZone(a.timeZone()).equals(b.timeZone()) && a.minNoticeHours() == b.minNoticeHours()
                && a.bufferMinutes() == b.bufferMinutes() && a.horizonDays() == b.horizonDays();
    }

    /**
     * A date's windows as the read model holds them: a multirange's ascending [start, end) pairs of epoch
     * ms, windows that overlap or touch joined into one.
     */
    static long[] millis(ZoneId zone, DayWindows day) {
        List<long[]> ranges = new ArrayList<>();
        for (String[] w : day.windows()) {
            long start = day.date().atTime(LocalTime.parse(w[0])).atZone(zone).toInstant().toEpochMilli();
            long end = "24:00".equals(w[1]) ? day.date().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()
                    : day.date().atTime(LocalTime.parse(w[1])).atZone(zone).toInstant().toEpochMilli();
            if (end > start) {
                ranges.add(new long[] {start, end});
            }
        }
        ranges.sort(java.util.Comparator.comparingLong(r -> r[0]));
        long[] out = new long[ranges.size() * 2];
        int n = 0;
        for (long[] r : ranges) {
            if (n > 0 && r[0] <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], r[1]);
            } else {
                out[n++] = r[0];
                out[n++] = r[1];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private Uni<Map<UUID, Held>> held(List<UUID> ids, LocalDate from, LocalDate to) {
        Tuple param = Tuple.of((Object) ids.toArray(UUID[]::new));
        OffsetDateTime lower = from.minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime upper = to.plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("""
                        SELECT instructor_id, time_zone, min_notice_hours, buffer_minutes, horizon_days, version
                        FROM booking_rules WHERE instructor_id = ANY($1)""").execute(param)
                .flatMap(rules -> pool.preparedQuery("""
                                SELECT instructor_id, day, free_millis(windows) AS windows, version FROM availability
                                WHERE instructor_id = ANY($1) AND day BETWEEN $2 AND $3""")
                        .execute(Tuple.of(ids.toArray(UUID[]::new), from, to))
                        .flatMap(days -> pool.preparedQuery("""
                                        SELECT booking_id, instructor_id, cancelled, noted_at,
                                               (extract(epoch FROM lower(during)) * 1000)::bigint AS s,
                                               (extract(epoch FROM upper(during)) * 1000)::bigint AS e
                                        FROM booked WHERE instructor_id = ANY($1) AND NOT isempty(during)
                                         AND during && tstzrange($2, $3)""")
                                .execute(Tuple.of(ids.toArray(UUID[]::new), lower, upper))
                                .map(taken -> gather(rules, days, taken))));
    }

    private static Map<UUID, Held> gather(Iterable<Row> rules, Iterable<Row> days, Iterable<Row> taken) {
        Map<UUID, Rules> byRules = new HashMap<>();
        for (Row r : rules) {
            byRules.put(r.getUUID("instructor_id"), new Rules(r.getString("time_zone"), r.getInteger("min_notice_hours"),
                    r.getInteger("buffer_minutes"), r.getInteger("horizon_days"), r.getLong("version")));
        }
        Map<UUID, Map<LocalDate, long[]>> windows = new HashMap<>();
        Map<UUID, Map<LocalDate, Long>> versions = new HashMap<>();
        for (Row r : days) {
            UUID id = r.getUUID("instructor_id");
            Long[] pairs = r.getArrayOfLongs("windows");
            windows.computeIfAbsent(id, k -> new HashMap<>()).put(r.getLocalDate("day"),
                    Arrays.stream(pairs).mapToLong(Long::longValue).toArray());
            versions.computeIfAbsent(id, k -> new HashMap<>()).put(r.getLocalDate("day"), r.getLong("version"));
        }
        Map<UUID, List<Taken>> byTaken = new HashMap<>();
        for (Row r : taken) {
            byTaken.computeIfAbsent(r.getUUID("instructor_id"), k -> new ArrayList<>()).add(new Taken(
                    r.getUUID("booking_id"), r.getLong("s"), r.getLong("e"), r.getBoolean("cancelled"),
                    r.getOffsetDateTime("noted_at")));
        }
        Set<UUID> all = new HashSet<>(byRules.keySet());
        all.addAll(windows.keySet());
        all.addAll(byTaken.keySet());
        Map<UUID, Held> held = new HashMap<>();
        for (UUID id : all) {
            held.put(id, new Held(byRules.get(id), windows.getOrDefault(id, Map.of()), versions.getOrDefault(id, Map.of()),
                    byTaken.getOrDefault(id, List.of())));
        }
        return held;
    }
}
