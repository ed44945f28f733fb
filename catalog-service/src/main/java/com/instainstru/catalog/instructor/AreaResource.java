package com.instainstru.catalog.instructor;

import com.instainstru.catalog.infra.JsonAnswers;
import com.instainstru.platform.web.ConditionalGets;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalog/areas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class AreaResource {

    @Inject
    AreaDirectory areas;

    @Inject
    JsonAnswers answers;

    @GET
    @Extension(name = ConditionalGets.EXTENSION, value = "true")
    @Operation(summary = "The service areas instructors can choose: NYC boroughs and their neighbourhoods")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AreaDirectory.Borough[].class)))
    public Uni<Response> areas() {
        return answers.uncached(Uni.createFrom().item(areas.boroughs()));
    }
}
