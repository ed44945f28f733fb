package com.instainstru.search.search;

import com.instainstru.platform.web.Ids;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Search", description = "Natural-language search over bookable instructors")
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    SearchService search;

    @Inject
    SearchEvents events;

    @Inject
    CurrentIdentityAssociation identity;

    @GET
    @Operation(summary = "Search in plain words, e.g. piano lessons under $50 tomorrow evening (no sign-in needed)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchResponse.class)))
    @APIResponse(responseCode = "400", description = "q empty or over 500 characters, bad limit or cursor")
    @APIResponse(responseCode = "401", description = "A token was sent and is not valid")
    public Uni<SearchResponse> search(
            @Parameter(description = "What the student is looking for", example = "spanish tomorrow evening") @QueryParam("q") String q,
            @Parameter(description = "Results per page (1–50, default 20)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return userId().flatMap(user -> search.search(q, limit, cursor, user));
    }

    @POST
    @Path("/clicks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that a student opened a search result (feeds analytics)")
    @APIResponse(responseCode = "202", description = "Recorded")
    public Uni<Response> click(@Valid @NotNull ClickRequest click) {
        return userId().map(user -> {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("searchId", click.searchId());
            payload.put("instructorId", click.instructorId());
            payload.put("serviceId", click.serviceId());
            payload.put("position", click.position());
            payload.put("userId", user);
            events.clicked(payload);
            return Response.accepted().build();
        });
    }

    /** The signed-in user's id, or null for an anonymous search (a token that is sent must be valid). */
    private Uni<UUID> userId() {
        return identity.getDeferredIdentity().map(who -> {
            String subject = who.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
            return who.isAnonymous() || !Ids.looksLikeUuid(subject) ? null : UUID.fromString(subject);
        });
    }
}
