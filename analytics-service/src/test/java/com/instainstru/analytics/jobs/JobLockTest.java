package com.instainstru.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.analytics.report.DailyReportJob;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** One pod at a time: a run that finds the job's lock taken is recorded as skipped, and every run is recorded. */
@QuarkusTest
class JobLockTest {

    @Inject
    JobRunner runner;

    @Inject
    Pool pool;

    @Test
    void aRunWhileAnotherHoldsTheLockIsSkippedAndRecorded() {
        LocalDate day = LocalDate.parse("2018-03-03");
        SqlConnection other = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        try {
            // Another pod's run in progress: it holds the job's lock.
            other.preparedQuery("SELECT pg_advisory_lock(hashtext('analytics-job:' || $1))")
                    .execute(Tuple.of(DailyReportJob.NAME)).await().atMost(Duration.ofSeconds(5));
            JobRun skipped = runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.manual, day).await().atMost(Duration.ofSeconds(30));
            assertThat(skipped.status()).isEqualTo("skipped");
            assertThat(skipped.error()).contains("in progress");
            assertThat(skipped.finishedAt()).isNotNull();
        } finally {
            // The other run ends (a pooled connection outlives close(), so its session lock is released by hand).
            other.query("SELECT pg_advisory_unlock_all()").execute().await().atMost(Duration.ofSeconds(5));
            other.close().await().atMost(Duration.ofSeconds(5));
        }
        JobRun next = runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.manual, day).await().atMost(Duration.ofSeconds(30));
        assertThat(next.status()).isEqualTo("succeeded");
    }

    @Test
    void aScheduledRunOfADayAnotherPodFinishedIsSkipped() {
        // A day no earlier build of this test used (job_run outlives test runs).
        LocalDate day = LocalDate.parse("1900-01-01").plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(40_000));
        JobRun first = runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.schedule, day).await().atMost(Duration.ofSeconds(30));
        JobRun second = runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.schedule, day).await().atMost(Duration.ofSeconds(30));
        assertThat(first.status()).isEqualTo("succeeded");
        assertThat(second.status()).isEqualTo("skipped");
        assertThat(second.error()).contains("already ran");
    }

    @Test
    void aRunLeftRunningByADeadPodIsMarkedFailed() {
        java.util.UUID id = java.util.UUID.randomUUID();
        pool.preparedQuery("INSERT INTO job_run (id, job, as_of_date, trigger, status, started_at) "
                + "VALUES ($1, 'daily-report', '2018-05-05', 'schedule', 'running', now() - interval '2 hours')")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5));
        assertThat(runner.failAbandonedRuns().await().atMost(Duration.ofSeconds(5))).isGreaterThanOrEqualTo(1);
        JobRun run = runner.run(DailyReportJob.NAME, id).await().atMost(Duration.ofSeconds(5));
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).contains("abandoned");
    }
}
