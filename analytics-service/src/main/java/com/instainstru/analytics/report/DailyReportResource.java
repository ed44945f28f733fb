package com.instainstru.analytics.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Caller;
import com.instainstru.platform.web.Dates;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Daily reports", description = "The nightly report of each day (admin)")
public class DailyReportResource {

    private static final String COLUMNS = "report_date, run_id, window_end, computed_at, body::text AS body";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/latest")
    @Operation(summary = "The report of the latest day reported")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DailyReportResponse.class)))
    @APIResponse(responseCode = "404", description = "No report yet")
    public Uni<DailyReportResponse> latest() {
        return pool.query("SELECT " + COLUMNS + " FROM daily_report ORDER BY report_date DESC LIMIT 1").execute()
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ApiException(404, "not-found", "Not found", "no daily report has been made yet", null);
                    }
                    return toResponse(rows.iterator().next());
                });
    }

    @GET
    @Path("/{date}")
    @Operation(summary = "The report of one day")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DailyReportResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a date YYYY-MM-DD")
    @APIResponse(responseCode = "404", description = "No report of that day")
    public Uni<DailyReportResponse> report(@PathParam("date") String date) {
        LocalDate day = Dates.parse("date", date, null);
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM daily_report WHERE report_date = $1")
                .execute(Tuple.of(day))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("daily report of", day);
                    }
                    return toResponse(rows.iterator().next());
                });
    }

    private DailyReportResponse toResponse(Row r) {
        try {
            return new DailyReportResponse(r.getLocalDate("report_date"), r.getUUID("run_id"),
                    r.getOffsetDateTime("window_end"), r.getOffsetDateTime("computed_at"), json.readTree(r.getString("body")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report is not JSON", e);
        }
    }
}
