package com.instainstru.analytics.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored daily report. */
@Schema(name = "DailyReport", description = "The report of one day (America/New_York)")
public record DailyReportResponse(
        @Schema(example = "2026-11-25") LocalDate date,
        UUID runId,
        @Schema(description = "End of the reported window: midnight, or the run's time if the day was not over")
        OffsetDateTime windowEnd,
        OffsetDateTime computedAt,
        @Schema(description = "bookings, grossBookingValue, cancellations, lateCancellations, cancelledValue, currency "
                + "(of the values, USD; reports before it was added have none), reschedules, "
                + "lessonsCompleted, noShows, newInstructors, activeInstructors, newStudents, activeStudents, searches, "
                + "zeroResultSearchCount, resultClicks, searchLatencyMs {p50, p95, max}, topServices, topSearches, "
                + "zeroResultSearches, slowestSearches")
        JsonNode report) {
}
