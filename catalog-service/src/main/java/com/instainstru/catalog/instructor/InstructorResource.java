package com.instainstru.catalog.instructor;

import com.instainstru.catalog.infra.CacheKeys;
import com.instainstru.catalog.infra.JsonAnswers;
import com.instainstru.catalog.infra.ResponseCache;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Caller;
import com.instainstru.platform.web.ConditionalGets;
import com.instainstru.platform.web.Ids;
import com.instainstru.platform.web.QueryParams;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/instructors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instructors", description = "Instructor profiles and account status")
public class InstructorResource {

    /** The cache field of a list's first page (with its limit). */
    private static final String FIRST_PAGE = "first:";

    @Inject
    InstructorService instructors;

    @Inject
    InstructorQueries queries;

    @Inject
    JsonAnswers answers;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken jwt;

    @Inject
    CurrentIdentityAssociation identity;

    @GET
    @Extension(name = ConditionalGets.EXTENSION, value = "true")
    @Operation(summary = "Active instructors, optionally those offering one catalog service (id or slug), a page at a time; "
            + "admins: q (a part of the name), ids (comma-separated) and status (active, suspended, deactivated or any) "
            + "look up instructors of any status, by name")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstructorResponse.Page.class)))
    @APIResponse(responseCode = "404", description = "Unknown service")
    @APIResponse(responseCode = "403", description = "q, ids or status asked by a non-admin")
    public Uni<Response> list(@QueryParam("service") String service,
            @Parameter(description = "nextCursor of the previous page (none: the first page)") @QueryParam("cursor") String cursor,
            @Parameter(description = "Instructors per page (1–100, default 20)") @QueryParam("limit") String limit,
            @QueryParam("q") String q, @QueryParam("ids") String ids, @QueryParam("status") String status) {
        int size = QueryParams.intIn("limit", limit, 20, 1, 100);
        if (q != null || ids != null || status != null) {
            InstructorQueries.Lookup lookup = InstructorQueries.Lookup.of(q, ids, status);
            return answers.callerIsAdmin().flatMap(admin -> {
                if (!admin) {
                    throw ApiException.forbidden("only admins may look instructors up by name, id or status");
                }
                return answers.fresh(queries.lookUp(lookup, cursor, size));
            });
        }
        String key = service != null && Ids.looksLikeUuid(service) ? UUID.fromString(service).toString() : service;
        Supplier<Uni<?>> compute = () -> service == null
                ? queries.activeInstructors(null, cursor, size)
                : queries.serviceId(service).flatMap(id -> queries.activeInstructors(
                        id.orElseThrow(() -> ApiException.notFound("catalog service", service)), cursor, size));
        // The first page is what students look at; later pages are answered fresh rather than
        // letting arbitrary cursors fill the cache.
        return cursor == null || cursor.isBlank()
                ? answers.cached(CacheKeys.instructors(key), FIRST_PAGE + size, compute)
                : answers.uncached(compute.get());
    }

    @GET
    @Extension(name = ConditionalGets.EXTENSION, value = "true")
    @Path("/{id}")
    @Operation(summary = "An active instructor's profile and offerings (the instructor and admins also see an inactive one)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstructorResponse.class)))
    @APIResponse(responseCode = "404", description = "No such active instructor")
    public Uni<Response> instructor(@PathParam("id") String id) {
        UUID instructorId = Ids.parse("id", id);
        return identity.getDeferredIdentity().flatMap(who -> {
            boolean privileged = !who.isAnonymous() && (who.hasRole(Caller.ADMIN)
                    || who.getPrincipal() instanceof JsonWebToken token && Ids.looksLikeUuid(token.getSubject())
                    && instructorId.equals(UUID.fromString(token.getSubject())));
            if (privileged) {
                return answers.fresh(queries.instructor(instructorId, true)
                        .map(found -> found.orElseThrow(() -> ApiException.notFound("instructor", instructorId))));
            }
            return answers.cachedOrNotFound(CacheKeys.instructor(instructorId), "instructor", instructorId,
                    () -> queries.instructor(instructorId, false).map(found -> (Optional<?>) found));
        });
    }

    @GET
    @Path("/me")
    @RolesAllowed(Caller.INSTRUCTOR)
    @Operation(summary = "The caller's own instructor profile, whatever its status")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstructorResponse.class)))
    @APIResponse(responseCode = "404", description = "No profile yet")
    public Uni<InstructorResponse> me() {
        UUID me = caller.userId();
        return queries.instructor(me, true).map(found -> found.orElseThrow(() -> ApiException.notFound("instructor", me)));
    }

    @PUT
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSTRUCTOR)
    @Operation(summary = "Create or replace the caller's instructor profile")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = InstructorResponse.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = InstructorResponse.class)))
    @APIResponse(responseCode = "409", description = "Concurrent edit")
    public Uni<Response> upsertMe(@Valid @NotNull InstructorRequest request, UriInfo uri) {
        UUID me = caller.userId();
        return instructors.upsertProfile(me, request).flatMap(created -> me().map(profile -> created
                ? Response.created(uri.getBaseUriBuilder().path("api/v1/instructors").path(me.toString()).build())
                        .entity(profile).build()
                : Response.ok(profile).build()));
    }

    @POST
    @Path("/me/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSTRUCTOR)
    @Operation(summary = "Pause, resume or deactivate the caller's account (deactivation needs no future bookings)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstructorResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown or not allowed action")
    @APIResponse(responseCode = "404", description = "No profile yet")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status, or future bookings exist")
    @APIResponse(responseCode = "503", description = "booking-service cannot confirm there are no future bookings")
    public Uni<InstructorResponse> changeMyStatus(@Valid @NotNull StatusRequest request) {
        UUID me = caller.userId();
        return instructors.changeOwnStatus(me, request, jwt.getRawToken()).flatMap(v -> me());
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Suspend, reactivate or deactivate any instructor (admin)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstructorResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown or not allowed action")
    @APIResponse(responseCode = "404", description = "No such instructor")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status, or future bookings exist")
    @APIResponse(responseCode = "503", description = "booking-service cannot confirm there are no future bookings")
    public Uni<InstructorResponse> changeStatus(@PathParam("id") String id, @Valid @NotNull StatusRequest request) {
        UUID instructorId = Ids.parse("id", id);
        return instructors.changeStatusAsAdmin(instructorId, request, jwt.getRawToken())
                .flatMap(v -> queries.instructor(instructorId, true)).map(Optional::orElseThrow);
    }
}
