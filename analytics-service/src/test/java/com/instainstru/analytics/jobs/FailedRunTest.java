package com.instainstru.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.analytics.report.DailyReportJob;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run that fails is recorded with its error, and leaves the day's previous results and no event. */
@QuarkusTest
@TestProfile(FailedRunTest.ShortStatements.class)
class FailedRunTest {

    public static class ShortStatements implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("analytics.jobs.statement-timeout", "PT1S");
        }
    }

    @Inject
    JobRunner runner;

    @Inject
    Pool pool;

    @Test
    void aFailedRunIsRecordedAndChangesNothing() {
        LocalDate day = LocalDate.parse("1999-09-09");
        JobRun good = runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.manual, day).await().atMost(Duration.ofSeconds(30));
        assertThat(good.status()).isEqualTo("succeeded");
        long eventsBefore = outboxEvents();

        SqlConnection other = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        Transaction blocking = other.begin().await().atMost(Duration.ofSeconds(5));
        JobRun failed;
        try {
            // Another session holds the report table: the run's statement waits past its 1 s timeout.
            other.query("LOCK TABLE daily_report IN ACCESS EXCLUSIVE MODE").execute().await().atMost(Duration.ofSeconds(5));
            failed = runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.manual, day).await().atMost(Duration.ofSeconds(30));
        } finally {
            blocking.rollback().await().atMost(Duration.ofSeconds(5));
            other.close().await().atMost(Duration.ofSeconds(5));
        }

        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).containsIgnoringCase("statement timeout");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(pool.preparedQuery("SELECT run_id FROM daily_report WHERE report_date = $1").execute(Tuple.of(day))
                .await().indefinitely().iterator().next().getUUID(0)).isEqualTo(good.id());
        assertThat(outboxEvents()).isEqualTo(eventsBefore);
    }

    private long outboxEvents() {
        return pool.query("SELECT count(*) FROM outbox_event").execute().await().indefinitely().iterator().next().getLong(0);
    }
}
