package com.instainstru.gateway.home;

import com.instainstru.gateway.infra.GatewayConfig;
import com.instainstru.platform.web.ConditionalGets;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/home")
@Tag(name = "Homepage", description = "Everything the homepage shows, in one call")
public class HomeResource {

    @Inject
    HomePage home;

    @Inject
    GatewayConfig config;

    @GET
    @Extension(name = ConditionalGets.EXTENSION, value = "true")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Categories, top services per category, trending services and searches (cached a few seconds)")
    @APIResponse(responseCode = "200", description = "The page; parts whose service is down are listed in unavailable",
            content = @Content(schema = @Schema(implementation = HomeResponse.class)))
    public Uni<Response> home(@Parameter(hidden = true) @HeaderParam(ConditionalGets.IF_NONE_MATCH) String ifNoneMatch) {
        String cacheControl = "public, max-age=" + config.home().ttl().toSeconds();
        return home.body().map(body -> ConditionalGets.answer(body, ifNoneMatch, cacheControl).build());
    }
}
