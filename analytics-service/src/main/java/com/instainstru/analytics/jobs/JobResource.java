package com.instainstru.analytics.jobs;

import com.instainstru.platform.web.Caller;
import com.instainstru.platform.web.Dates;
import com.instainstru.platform.web.Ids;
import com.instainstru.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Jobs", description = "Start the analytics jobs now and see their runs (admin)")
@APIResponse(responseCode = "404", description = "No such job (service-analytics, daily-report)")
public class JobResource {

    @Inject
    JobRunner runner;

    @POST
    @Path("/{name}/runs")
    @Operation(summary = "Start a run of the job now, for a day (default today: its events up to now)")
    @APIResponse(responseCode = "202", description = "Started; Location names the run",
            content = @Content(schema = @Schema(implementation = JobRun.class)))
    @APIResponse(responseCode = "400", description = "date malformed or in the future")
    public Uni<Response> start(@PathParam("name") String name,
            @Parameter(description = "The day to compute, YYYY-MM-DD (America/New_York)") @QueryParam("date") String date,
            UriInfo uri) {
        runner.job(name);
        return runner.start(name, JobRun.Trigger.manual, Dates.parse("date", date, runner.today()))
                .map(run -> Response.accepted(run)
                        .location(uri.getAbsolutePathBuilder().path(run.id().toString()).build()).build());
    }

    @GET
    @Path("/{name}/runs")
    @Operation(summary = "The job's latest runs, newest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobRun[].class)))
    @APIResponse(responseCode = "400", description = "limit outside 1..200")
    public Uni<List<JobRun>> runs(@PathParam("name") String name, @QueryParam("limit") String limit) {
        return runner.runs(name, QueryParams.intIn("limit", limit, 20, 1, 200));
    }

    @GET
    @Path("/{name}/runs/{id}")
    @Operation(summary = "One run of the job")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobRun.class)))
    @APIResponse(responseCode = "400", description = "Not a UUID")
    public Uni<JobRun> run(@PathParam("name") String name, @PathParam("id") String id) {
        return runner.run(name, Ids.parse("id", id));
    }
}
