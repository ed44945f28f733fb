package com.instainstru.search.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.search.infra.SearchConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the read model never silently diverges from its sources: compares it with
 * catalog-service (services, instructors, offerings, status) and booking-service (windows, blackouts,
 * taken time, rules), repairs what differs and reports what it found — a log line with the counts and
 * the metrics {@code search_reconcile_checked_total}, {@code search_reconcile_repaired_total} (by kind)
 * and {@code search_reconcile_seconds}. It runs every {@code search.reconcile.interval} (one pod at a
 * time: a PostgreSQL advisory lock, and no run sooner than the interval after the last one finished),
 * on demand for an admin, and as the rebuild of an empty read model.
 */
@ApplicationScoped
public class Reconciliation {

    @Inject
    Pool pool;

    @Inject
    CatalogReconciliation catalog;

    @Inject
    FreeTimeReconciliation freeTime;

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    SearchConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    ObjectMapper json;

    @Scheduled(every = "${search.reconcile.interval:PT10M}", delayed = "${search.reconcile.interval:PT10M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> periodically() {
        if (!config.reconcile().enabled() || !rebuild.done()) {
            return Uni.createFrom().voidItem();
        }
        return run(true).onFailure().recoverWithItem(e -> {
            Log.warnf("Reconciliation failed (tried again in %s): %s", config.reconcile().interval(), e.toString());
            return Optional.empty();
        }).replaceWithVoid();
    }

    /**
     * Runs now unless another pod is running one (empty then); {@code onlyIfDue} also skips it when the
     * last run finished less than an interval ago.
     */
    public Uni<Optional<ReconcileReport>> run(boolean onlyIfDue) {
        return pool.getConnection().flatMap(conn -> tryLock(conn)
                .flatMap(locked -> !locked ? Uni.createFrom().item(Optional.<ReconcileReport>empty())
                        : (onlyIfDue ? due(conn) : Uni.createFrom().item(true))
                                .flatMap(due -> due ? reconcile(conn).map(Optional::of)
                                        : Uni.createFrom().item(Optional.<ReconcileReport>empty()))
                                .eventually(() -> unlock(conn)))
                .eventually(conn::close));
    }

    /** The session lock the runs take turns with (on their own connection; released when it closes). */
    private static Uni<Boolean> tryLock(SqlConnection conn) {
        return conn.query("SELECT pg_try_advisory_lock(7241, 0) AS locked").execute()
                .map(rows -> rows.iterator().next().getBoolean("locked"));
    }

    private static Uni<Void> unlock(SqlConnection conn) {
        return conn.query("SELECT pg_advisory_unlock(7241, 0)").execute().onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Boolean> due(SqlConnection conn) {
        return conn.preparedQuery("SELECT count(*) AS recent FROM reconcile_run WHERE finished_at > now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.reconcile().interval().toSeconds() * 0.9))
                .map(rows -> rows.iterator().next().getLong("recent") == 0);
    }

    private Uni<ReconcileReport> reconcile(SqlConnection conn) {
        long t0 = System.nanoTime();
        ReconcileReport.Tally tally = new ReconcileReport.Tally();
        return databaseNow(conn)
                .flatMap(since -> compareAndRepair(tally, since)
                        .map(ok -> tally.report(since, (System.nanoTime() - t0) / 1_000_000)))
                .call(report -> saveRun(conn, report))
                .invoke(report -> record(report, System.nanoTime() - t0));
    }

    /** When the run begins, by the database's clock: a row noted after it is newer than the answers and is left alone. */
    private static Uni<OffsetDateTime> databaseNow(SqlConnection conn) {
        return conn.query("SELECT clock_timestamp() AS now").execute()
                .map(rows -> rows.iterator().next().getOffsetDateTime("now"));
    }

    /** The catalog's services, then its instructors, then the free time of those still active. */
    private Uni<Void> compareAndRepair(ReconcileReport.Tally tally, OffsetDateTime since) {
        return catalog.services(tally)
                .chain(() -> catalog.instructors(tally, since))
                .chain(active -> freeTime.reconcile(active, tally));
    }

    private Uni<Void> saveRun(SqlConnection conn, ReconcileReport report) {
        return conn.preparedQuery("""
                        INSERT INTO reconcile_run (id, started_at, finished_at, report) VALUES (1, $1, now(), $2)
                        ON CONFLICT (id) DO UPDATE SET started_at = EXCLUDED.started_at,
                            finished_at = EXCLUDED.finished_at, report = EXCLUDED.report""")
                .execute(Tuple.of(report.startedAt(), text(report)))
                .replaceWithVoid();
    }

    private void record(ReconcileReport r, long nanos) {
        registry.timer("search.reconcile").record(nanos, TimeUnit.NANOSECONDS);
        count("search.reconcile.checked", r.checked());
        count("search.reconcile.repaired", r.repaired());
        registry.counter("search.reconcile.repaired", "kind", "dates").increment(r.dates());
        registry.counter("search.reconcile.repaired", "kind", "taken_times").increment(r.takenTimes());
        String line = String.format("Reconciliation with catalog-service and booking-service in %d ms: checked %d services, "
                        + "%d instructors, %d offerings, %d schedules; repaired %d services, %d instructors, %d offerings, "
                        + "%d schedules (%d dates, %d taken times)", r.tookMs(), r.checked().services(),
                r.checked().instructors(), r.checked().offerings(), r.checked().schedules(), r.repaired().services(),
                r.repaired().instructors(), r.repaired().offerings(), r.repaired().schedules(), r.dates(), r.takenTimes());
        if (r.repaired().total() > 0) {
            Log.warn(line);
        } else {
            Log.info(line);
        }
    }

    private void count(String name, ReconcileReport.Counts c) {
        registry.counter(name, "kind", "services").increment(c.services());
        registry.counter(name, "kind", "instructors").increment(c.instructors());
        registry.counter(name, "kind", "offerings").increment(c.offerings());
        registry.counter(name, "kind", "schedules").increment(c.schedules());
    }

    private String text(ReconcileReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (Exception e) {
            return report.toString();
        }
    }
}
