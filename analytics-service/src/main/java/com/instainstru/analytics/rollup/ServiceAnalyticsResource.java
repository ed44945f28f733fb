package com.instainstru.analytics.rollup;

import com.instainstru.platform.web.Caller;
import com.instainstru.platform.web.Ids;
import com.instainstru.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics/services")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Service analytics", description = "The latest nightly analytics of every catalog service (admin)")
public class ServiceAnalyticsResource {

    @Inject
    ServiceAnalyticsQueries queries;

    @GET
    @Operation(summary = "The latest day's analytics of every service, most popular first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServiceAnalyticsResponse.Listing.class)))
    @APIResponse(responseCode = "400", description = "limit outside 1..1000")
    public Uni<ServiceAnalyticsResponse.Listing> services(@QueryParam("limit") String limit) {
        return queries.latest(QueryParams.intIn("limit", limit, 1000, 1, 1000));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The latest analytics of one service")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServiceAnalyticsResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a UUID")
    @APIResponse(responseCode = "404", description = "No analytics for the service")
    public Uni<ServiceAnalyticsResponse> service(@PathParam("id") String id) {
        return queries.latest(Ids.parse("id", id));
    }
}
