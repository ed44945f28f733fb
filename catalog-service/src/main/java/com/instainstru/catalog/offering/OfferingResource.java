package com.instainstru.catalog.offering;

import com.instainstru.platform.web.Caller;
import com.instainstru.platform.web.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/instructors/me/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.INSTRUCTOR)
@Tag(name = "Offerings", description = "The catalog services an instructor teaches, with their rates and lesson lengths")
public class OfferingResource {

    @Inject
    OfferingService offerings;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Offer a catalog service")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(schema = @Schema(implementation = OfferingResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid terms or unknown service")
    @APIResponse(responseCode = "409", description = "Already offered, no profile yet, or account deactivated")
    public Uni<Response> createOffering(@Valid @NotNull OfferingRequest request, UriInfo uri) {
        return offerings.createOffering(caller.userId(), request).map(offered -> Response
                .created(uri.getAbsolutePathBuilder().path(offered.offering().id.toString()).build())
                .entity(offered.toResponse()).build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change the terms of one of the caller's offerings")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OfferingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such offering of the caller")
    @APIResponse(responseCode = "409", description = "Concurrent edit or account deactivated")
    public Uni<OfferingResponse> updateOffering(@PathParam("id") String id, @Valid @NotNull OfferingRequest request) {
        return offerings.updateOffering(caller.userId(), Ids.parse("id", id), request).map(OfferingService.Offered::toResponse);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stop offering a service")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such offering of the caller")
    public Uni<Response> removeOffering(@PathParam("id") String id) {
        return offerings.removeOffering(caller.userId(), Ids.parse("id", id)).map(v -> Response.noContent().build());
    }
}
