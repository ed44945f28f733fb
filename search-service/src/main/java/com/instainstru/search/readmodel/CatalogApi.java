package com.instainstru.search.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's public API, read to rebuild and to reconcile the read model. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1")
public interface CatalogApi {

    @GET
    @Path("/catalog/categories")
    Uni<JsonNode> categories();

    /** The bookable services, by category. */
    @GET
    @Path("/catalog/all")
    Uni<JsonNode> all();

    /** One service, whatever its state (404 if there is none). */
    @GET
    @Path("/catalog/services/{id}")
    Uni<JsonNode> service(@PathParam("id") UUID id);

    /** A page of the active instructors with their active offerings; cursor: the previous page's nextCursor (null: the first). */
    @GET
    @Path("/instructors")
    Uni<JsonNode> instructors(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    /** One active instructor (404 if there is none, or they are not active). */
    @GET
    @Path("/instructors/{id}")
    Uni<JsonNode> instructor(@PathParam("id") UUID id);
}
