package com.instainstru.analytics.jobs;

import com.instainstru.analytics.infra.AnalyticsConfig;
import com.instainstru.platform.problem.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts and records job runs. A run is recorded ({@code running}) before it starts, then executes in one
 * transaction that first takes a transaction-scoped advisory lock on the job: only one pod runs a given
 * job at a time, and the lock goes with the connection if its holder dies. A run that finds the lock
 * taken is recorded {@code skipped}; a scheduled run whose day another pod already computed is
 * {@code skipped} too. Every run ends {@code succeeded} (rows), {@code failed} (error) or {@code skipped}.
 */
@ApplicationScoped
public class JobRunner {

    @Inject
    Pool pool;

    @Inject
    AnalyticsConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private final Map<String, AnalyticsJob> jobs;

    @Inject
    JobRunner(Instance<AnalyticsJob> all) {
        this.jobs = all.stream().collect(Collectors.toMap(AnalyticsJob::name, Function.identity(), (a, b) -> a,
                TreeMap::new));
    }

    public List<String> jobNames() {
        return List.copyOf(jobs.keySet());
    }

    /** The job by name, or a 404 naming the jobs that exist. */
    AnalyticsJob job(String name) {
        AnalyticsJob job = name == null ? null : jobs.get(name);
        if (job == null) {
            throw ApiException.notFound("job " + name + " does not exist; jobs: " + String.join(", ", jobs.keySet()));
        }
        return job;
    }

    /** Today in the business time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    /** The end of the day's window: the next midnight in the business zone, or now if that is later than now. */
    public OffsetDateTime windowEnd(LocalDate day) {
        OffsetDateTime endOfDay = day.plusDays(1).atStartOfDay(zone()).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return endOfDay.isAfter(now) ? now : endOfDay.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * Records a run of the job for the day and starts it in the background; the answer is the recorded run
     * (status {@code running}). The day must not be in the future.
     */
    public Uni<JobRun> start(String name, JobRun.Trigger trigger, LocalDate day) {
        AnalyticsJob job = job(name);
        if (day.isAfter(today())) {
            throw ApiException.invalid("date", "must not be in the future (today is " + today() + ")");
        }
        return record(job, trigger, day).invoke(run -> execute(job, run).subscribe().with(
                done -> { }, e -> Log.errorf(e, "Run %s of %s could not be recorded", run.id(), name)));
    }

    /** Records a run and waits for its end: the finished run. */
    public Uni<JobRun> runAndWait(String name, JobRun.Trigger trigger, LocalDate day) {
        AnalyticsJob job = job(name);
        return record(job, trigger, day).flatMap(run -> execute(job, run));
    }

    private Uni<JobRun> record(AnalyticsJob job, JobRun.Trigger trigger, LocalDate day) {
        return pool.preparedQuery("INSERT INTO job_run (id, job, as_of_date, trigger, status) "
                        + "VALUES ($1, $2, $3, $4, 'running') RETURNING " + JobRun.COLUMNS)
                .execute(Tuple.of(UUID.randomUUID(), job.name(), day, trigger.name()))
                .map(rows -> JobRun.of(rows.iterator().next()));
    }

    private static final class Skipped extends RuntimeException {
        Skipped(String reason) {
            super(reason, null, false, false);
        }
    }

    private Uni<JobRun> execute(AnalyticsJob job, JobRun run) {
        OffsetDateTime windowEnd = windowEnd(run.asOfDate());
        Timer.Sample timing = Timer.start(registry);
        Uni<Integer> work = pool.withTransaction(conn -> lock(conn, job, run)
                .chain(() -> job.run(conn, run.id(), run.asOfDate(), windowEnd)));
        return work
                .flatMap(rows -> finish(run, "succeeded", rows, null))
                .onFailure(Skipped.class).recoverWithUni(e -> finish(run, "skipped", null, e.getMessage()))
                .onFailure().recoverWithUni(e -> {
                    Log.errorf(e, "Run %s of %s for %s failed", run.id(), job.name(), run.asOfDate());
                    return finish(run, "failed", null, String.valueOf(e.getMessage()));
                })
                .invoke(done -> {
                    timing.stop(registry.timer("analytics.job.duration", "job", job.name(), "status", done.status()));
                    registry.counter("analytics.job.runs", "job", job.name(), "status", done.status()).increment();
                    Log.infof("Run %s of %s for %s: %s%s", done.id(), job.name(), done.asOfDate(), done.status(),
                            done.rows() == null ? "" : " (" + done.rows() + " rows)");
                });
    }

    private Uni<Void> lock(SqlConnection conn, AnalyticsJob job, JobRun run) {
        return conn.query("SET LOCAL statement_timeout = " + config.jobs().statementTimeout().toMillis()).execute()
                .chain(() -> conn.query("SET LOCAL work_mem = '" + config.jobs().workMemMb() + "MB'").execute())
                .chain(() -> conn.preparedQuery("SELECT pg_try_advisory_xact_lock(hashtext('analytics-job:' || $1))")
                        .execute(Tuple.of(job.name())))
                .invoke(rows -> {
                    if (!rows.iterator().next().getBoolean(0)) {
                        throw new Skipped("another run of " + job.name() + " was in progress");
                    }
                })
                .chain(() -> JobRun.Trigger.schedule.name().equals(run.trigger()) ? conn.preparedQuery("""
                                SELECT 1 FROM job_run WHERE job = $1 AND as_of_date = $2 AND trigger = 'schedule'
                                  AND status = 'succeeded' AND id <> $3""")
                        .execute(Tuple.of(job.name(), run.asOfDate(), run.id()))
                        .invoke(rows -> {
                            if (rows.size() > 0) {
                                throw new Skipped("another pod already ran " + job.name() + " for " + run.asOfDate());
                            }
                        }).replaceWithVoid() : Uni.createFrom().voidItem());
    }

    private Uni<JobRun> finish(JobRun run, String status, Integer rows, String error) {
        String shortError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
        return pool.preparedQuery("UPDATE job_run SET status = $2, rows = $3, error = $4, finished_at = now() "
                        + "WHERE id = $1 RETURNING " + JobRun.COLUMNS)
                .execute(Tuple.of(run.id(), status, rows, shortError))
                .map(updated -> JobRun.of(updated.iterator().next()));
    }

    /** The latest runs of a job, newest first. */
    public Uni<List<JobRun>> runs(String name, int limit) {
        AnalyticsJob job = job(name);
        return pool.preparedQuery("SELECT " + JobRun.COLUMNS + " FROM job_run WHERE job = $1 "
                        + "ORDER BY started_at DESC, id LIMIT $2")
                .execute(Tuple.of(job.name(), limit))
                .map(rows -> {
                    List<JobRun> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(JobRun.of(r)));
                    return out;
                });
    }

    /** One run of a job, or a 404. */
    public Uni<JobRun> run(String name, UUID id) {
        AnalyticsJob job = job(name);
        return pool.preparedQuery("SELECT " + JobRun.COLUMNS + " FROM job_run WHERE job = $1 AND id = $2")
                .execute(Tuple.of(job.name(), id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("run", id);
                    }
                    return JobRun.of(rows.iterator().next());
                });
    }

    /** Marks runs left "running" by a pod that died (their lock went with it) as failed. */
    public Uni<Integer> failAbandonedRuns() {
        return pool.preparedQuery("""
                        UPDATE job_run SET status = 'failed', finished_at = now(),
                               error = 'abandoned: the pod running it stopped before it finished'
                        WHERE status = 'running' AND started_at < now() - make_interval(secs => $1)""")
                .execute(Tuple.of((double) config.jobs().abandonAfter().toSeconds()))
                .map(rows -> rows.rowCount());
    }
}
