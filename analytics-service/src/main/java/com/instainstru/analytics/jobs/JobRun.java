package com.instainstru.analytics.jobs;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One run of a job, as recorded in {@code job_run}. */
@Schema(name = "JobRun", description = "One run of a job: when it ran, how it ended, the rows it wrote")
public record JobRun(
        @Schema(example = "5f0c8a4e-3b7e-4d55-9a51-7f0e9a2f9c11") UUID id,
        @Schema(example = "service-analytics") String job,
        @Schema(description = "The day computed (America/New_York)", example = "2026-11-25") LocalDate asOfDate,
        @Schema(example = "manual", enumeration = {"schedule", "manual"}) String trigger,
        @Schema(example = "succeeded", enumeration = {"running", "succeeded", "failed", "skipped"}) String status,
        OffsetDateTime startedAt,
        @Schema(description = "null while it runs", nullable = true) OffsetDateTime finishedAt,
        @Schema(example = "250", description = "null until it has written them", nullable = true) Integer rows,
        @Schema(description = "Why it failed; null unless it did", nullable = true) String error) {

    /** What started a run: the nightly schedule, or an admin (or a test) by hand. */
    public enum Trigger { schedule, manual }

    static final String COLUMNS = "id, job, as_of_date, trigger, status, started_at, finished_at, rows, error";

    static JobRun of(Row r) {
        return new JobRun(r.getUUID("id"), r.getString("job"), r.getLocalDate("as_of_date"), r.getString("trigger"),
                r.getString("status"), r.getOffsetDateTime("started_at"), r.getOffsetDateTime("finished_at"),
                r.getInteger("rows"), r.getString("error"));
    }
}
