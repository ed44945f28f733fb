package com.instainstru.analytics.jobs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A nightly job: replaces the results of one day in one transaction (which also writes its event to the
 * outbox), so a re-run of a day replaces that day and a failed run leaves the previous results.
 */
public interface AnalyticsJob {

    /** The job's name in the API and in {@code job_run}, e.g. {@code service-analytics}. */
    String name();

    /**
     * Computes the day {@code asOf} from the events before {@code windowEnd} (the end of that day in the
     * business time zone, or now when the day is not over) and returns how many rows it wrote.
     */
    Uni<Integer> run(SqlConnection conn, UUID runId, LocalDate asOf, OffsetDateTime windowEnd);
}
