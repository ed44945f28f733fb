package com.instainstru.search.readmodel;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Copies the read model's instructors and offerings into {@link OfferingIndex}: all of them once,
 * then, every {@value #FOLLOW_MILLIS} ms, the rows changed since.
 * <p>
 * "Since" is a transaction horizon, not a clock: every read runs in one REPEATABLE READ snapshot and
 * notes that snapshot's {@code xmin} (every transaction below it had finished). The next read takes
 * each row whose last writer is at or above that horizon — so a transaction that was still running
 * at one read, and commits after a later transaction did, is still read the next time. Rows may be
 * read twice; applying one is idempotent. Deleted rows are read from their tombstones.
 */
@ApplicationScoped
public class OfferingIndexFollower {

    static final long FOLLOW_MILLIS = 200;
    /** A pod that could not follow for this long reads everything again (tombstones are pruned). */
    static final long STALE_MILLIS = 10 * 60 * 1000L;

    private static final String INSTRUCTORS = """
            SELECT id, name, areas, boroughs, area_names, teaches_online, status = 'active' AND profile_version >= 0 AS active,
                   free_ms, coalesce(schedule_zone, time_zone) AS zone, notice_minutes, horizon_days
            FROM instructor""";
    private static final String OFFERINGS = """
            SELECT id, instructor_id, service_id, hourly_rate, durations, min_duration, levels, age_groups,
                   location_types, active AND NOT removed AS active
            FROM offering""";
    private static final String SINCE = " WHERE changed_in >= $1::text::xid8";

    @Inject
    Pool pool;

    @Inject
    OfferingIndex index;

    @Inject
    Vertx vertx;

    private final AtomicBoolean reading = new AtomicBoolean();
    /** The horizon of the last read, null before the first (full) read. */
    private volatile String horizon;
    private volatile long lastRead;
    private long timer = -1;

    void onStart(@Observes StartupEvent start) {
        follow();
        timer = vertx.setPeriodic(FOLLOW_MILLIS, id -> follow());
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One read (skipped while the previous is still running). */
    void follow() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        read().subscribe().with(ok -> reading.set(false), e -> {
            reading.set(false);
            Log.warnf("Following the read model failed (retried in %d ms): %s", FOLLOW_MILLIS, e.toString());
        });
    }

    /** Reads the changes since the last horizon (everything when there is none, or it is too old). */
    public Uni<Void> read() {
        boolean full = horizon == null || System.currentTimeMillis() - lastRead > STALE_MILLIS;
        String since = horizon;
        return pool.withTransaction(conn -> conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                        .execute()
                        .chain(() -> conn.query("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").execute())
                        .map(rows -> rows.iterator().next().getString(0))
                        .chain(next -> full ? readAll(conn, next) : readSince(conn, since, next)))
                .invoke(next -> {
                    horizon = next;
                    lastRead = System.currentTimeMillis();
                })
                .replaceWithVoid();
    }

    private Uni<String> readAll(SqlConnection conn, String next) {
        return conn.query(INSTRUCTORS).execute()
                .chain(instructors -> conn.query(OFFERINGS).execute().invoke(offerings -> {
                    List<OfferingIndex.Instructor> is = new ArrayList<>();
                    instructors.forEach(r -> is.add(instructor(r)));
                    List<OfferingIndex.Offering> os = new ArrayList<>();
                    offerings.forEach(r -> {
                        if (r.getBoolean("active")) {
                            os.add(offering(r));
                        }
                    });
                    index.replaceAll(is, os);
                    Log.infof("Offering index loaded: %d instructors, %d active offerings", is.size(), os.size());
                }))
                .replaceWith(next);
    }

    private Uni<String> readSince(SqlConnection conn, String since, String next) {
        Tuple horizonParam = Tuple.of(since);
        return conn.preparedQuery("SELECT kind, id FROM removed_row" + SINCE).execute(horizonParam)
                .invoke(this::applyRemovals)
                .chain(() -> conn.preparedQuery(INSTRUCTORS + SINCE).execute(horizonParam))
                .invoke(rows -> rows.forEach(r -> index.putInstructor(instructor(r))))
                .chain(() -> conn.preparedQuery(OFFERINGS + SINCE).execute(horizonParam))
                .invoke(rows -> rows.forEach(r -> {
                    if (r.getBoolean("active")) {
                        index.putOffering(offering(r));
                    } else {
                        index.removeOffering(r.getUUID("id"));
                    }
                }))
                .replaceWith(next);
    }

    private void applyRemovals(RowSet<Row> rows) {
        for (Row r : rows) {
            if ("instructor".equals(r.getString("kind"))) {
                index.removeInstructor(r.getUUID("id"));
            } else {
                index.removeOffering(r.getUUID("id"));
            }
        }
    }

    private static OfferingIndex.Instructor instructor(Row r) {
        java.time.ZoneId zone = FreeTime.zone(r.getString("zone"));
        long[] pairs = FreeTime.splitAtMidnight(r.getArrayOfLongs("free_ms"), zone);
        return new OfferingIndex.Instructor(r.getUUID("id"), r.getString("name"), Set.copyOf(Arrays.asList(r.getArrayOfStrings("areas"))),
                Set.copyOf(Arrays.asList(r.getArrayOfStrings("boroughs"))), List.of(r.getArrayOfStrings("area_names")),
                r.getBoolean("teaches_online"), r.getBoolean("active"), pairs, r.getInteger("notice_minutes") * 60_000L,
                r.getInteger("horizon_days"), zone);
    }

    private static OfferingIndex.Offering offering(Row r) {
        return new OfferingIndex.Offering(r.getUUID("id"), r.getUUID("instructor_id"), r.getUUID("service_id"),
                r.getBigDecimal("hourly_rate"), List.of(r.getArrayOfIntegers("durations")), r.getInteger("min_duration"),
                Set.copyOf(Arrays.asList(r.getArrayOfStrings("levels"))), Set.copyOf(Arrays.asList(r.getArrayOfStrings("age_groups"))),
                List.of(r.getArrayOfStrings("location_types")));
    }
}
