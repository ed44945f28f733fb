package com.instainstru.search.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's public API, read when the read model has to be rebuilt. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1")
public interface CatalogApi {

    @GET
    @Path("/catalog/categories")
    Uni<JsonNode> categories();

    @GET
    @Path("/catalog/all")
    Uni<JsonNode> all();

    @GET
    @Path("/instructors")
    Uni<JsonNode> instructors(@QueryParam("page") int page, @QueryParam("size") int size);
}
