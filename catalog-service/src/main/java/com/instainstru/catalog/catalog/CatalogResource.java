package com.instainstru.catalog.catalog;

import com.instainstru.catalog.catalog.CatalogResponses.CatalogResponse;
import com.instainstru.catalog.catalog.CatalogResponses.CategoryHighlights;
import com.instainstru.catalog.catalog.CatalogResponses.CategoryResponse;
import com.instainstru.catalog.catalog.CatalogResponses.ServiceResponse;
import com.instainstru.catalog.infra.CacheKeys;
import com.instainstru.catalog.infra.JsonAnswers;
import com.instainstru.catalog.infra.ResponseCache;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Caller;
import com.instainstru.platform.web.ConditionalGets;
import com.instainstru.platform.web.Ids;
import com.instainstru.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "Categories and catalog services that students browse")
public class CatalogResource {

    private static final String ALL = "all";
    private static final String OFFERABLE = "offerable";

    @Inject
    CatalogQueries queries;

    @Inject
    CatalogAdminService admin;

    @Inject
    JsonAnswers answers;

    @GET
    @Extension(name = ConditionalGets.EXTENSION, value = "true")
    @Path("/categories")
    @Operation(summary = "Categories in display order, with their counts of bookable services")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CategoryResponse[].class)))
    public Uni<Response> categories() {
        return answers.cached(CacheKeys.CATEGORIES, ResponseCache.SINGLE, queries::categories);
    }

    @GET
    @Extension(name = ConditionalGets.EXTENSION, value = "true")
    @Path("/services")
    @Operation(summary = "Bookable services of a category (or of all); admins may ask for every service with include=all")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServiceResponse[].class)))
    @APIResponse(responseCode = "404", description = "Unknown category")
    @APIResponse(responseCode = "400", description = "Unknown include value")
    @APIResponse(responseCode = "403", description = "include=all by a non-admin")
    public Uni<Response> services(@QueryParam("category") String category, @QueryParam("include") String include) {
        return includeAll(include).flatMap(all -> all
                ? answers.fresh(requireCategory(category).flatMap(ok -> queries.services(category, true)))
                : answers.cached(CacheKeys.services(category), ResponseCache.SINGLE,
                        () -> requireCategory(category).flatMap(ok -> queries.services(category, false))));
    }

    @GET
    @Extension(name = ConditionalGets.EXTENSION, value = "true")
    // {id} like the PUT and DELETE of the same path (one path, its methods: OpenAPI allows no second name for it)
    @Path("/services/{id}")
    @Operation(summary = "One catalog service, by id or by slug (e.g. piano)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServiceResponse.class)))
    @APIResponse(responseCode = "404", description = "No such service")
    public Uni<Response> service(@Parameter(description = "The service's id, or its slug", example = "piano")
                                 @PathParam("id") String idOrSlug) {
        UUID id = Ids.looksLikeUuid(idOrSlug) ? UUID.fromString(idOrSlug) : null;
        String key = id != null ? id.toString() : idOrSlug;
        Uni<Optional<?>> lookup = queries.service(id, idOrSlug).map(found -> found.filter(ServiceResponse::active));
        return answers.cachedOrNotFound(CacheKeys.service(key), "catalog service", idOrSlug, () -> lookup);
    }

    @GET
    @Extension(name = ConditionalGets.EXTENSION, value = "true")
    @Path("/top-per-category")
    @Operation(summary = "The homepage's batched call: every category with its top N bookable services")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CategoryHighlights[].class)))
    @APIResponse(responseCode = "400", description = "limit outside 1..50")
    public Uni<Response> topPerCategory(@QueryParam("limit") String limit) {
        int n = QueryParams.intIn("limit", limit, 6, 1, 50);
        return answers.cached(CacheKeys.TOP, Integer.toString(n), () -> queries.topPerCategory(n));
    }

    @GET
    @Extension(name = ConditionalGets.EXTENSION, value = "true")
    @Path("/all")
    @Operation(summary = "The full catalog with per-service instructor counts and price ranges (bookable services; "
            + "include=offerable: every active service, for instructors choosing what to teach; admins: include=all)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CatalogResponse.class)))
    public Uni<Response> all(@QueryParam("include") String include) {
        if (OFFERABLE.equals(include)) {
            // Every active service, bookable or not yet: what an instructor can choose to teach (anyone may read it).
            return answers.cached(CacheKeys.ALL, OFFERABLE, () -> queries.all(CatalogQueries.Listed.OFFERABLE));
        }
        return includeAll(include).flatMap(all -> all
                ? answers.fresh(queries.all(CatalogQueries.Listed.EVERY))
                : answers.cached(CacheKeys.ALL, ResponseCache.SINGLE, () -> queries.all(CatalogQueries.Listed.BOOKABLE)));
    }

    @POST
    @Path("/services")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Add a catalog service (admin)")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = ServiceResponse.class)))
    @APIResponse(responseCode = "409", description = "Slug taken")
    public Uni<Response> createService(@Valid @NotNull CatalogServiceRequest request, UriInfo uri) {
        return admin.createService(request).flatMap(id -> queries.service(id, null)).map(created -> Response
                .created(uri.getAbsolutePathBuilder().path(created.orElseThrow().id().toString()).build())
                .entity(created.get()).build());
    }

    @PUT
    @Path("/services/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Replace a catalog service's definition (admin)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServiceResponse.class)))
    @APIResponse(responseCode = "404", description = "No such service")
    @APIResponse(responseCode = "409", description = "Slug taken or concurrent edit")
    public Uni<ServiceResponse> updateService(@PathParam("id") String id, @Valid @NotNull CatalogServiceRequest request) {
        UUID serviceId = Ids.parse("id", id);
        return admin.updateService(serviceId, request).flatMap(v -> queries.service(serviceId, null))
                .map(Optional::orElseThrow);
    }

    @DELETE
    @Path("/services/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Retire a catalog service nobody offers (admin)")
    @APIResponse(responseCode = "204", description = "Retired: hidden everywhere")
    @APIResponse(responseCode = "404", description = "No such service")
    @APIResponse(responseCode = "409", description = "The service is offered")
    public Uni<Response> retireService(@PathParam("id") String id) {
        return admin.retireService(Ids.parse("id", id)).map(v -> Response.noContent().build());
    }

    private Uni<Boolean> includeAll(String include) {
        if (include == null || include.isBlank()) {
            return Uni.createFrom().item(false);
        }
        if (!ALL.equals(include)) {
            throw ApiException.invalid("include", "the only value is 'all'");
        }
        return answers.callerIsAdmin().invoke(admin -> {
            if (!admin) {
                throw ApiException.forbidden("only admins may list services nobody offers");
            }
        });
    }

    private Uni<Boolean> requireCategory(String slug) {
        if (slug == null) {
            return Uni.createFrom().item(true);
        }
        return queries.categoryExists(slug).invoke(exists -> {
            if (!exists) {
                throw ApiException.notFound("category", slug);
            }
        });
    }
}
