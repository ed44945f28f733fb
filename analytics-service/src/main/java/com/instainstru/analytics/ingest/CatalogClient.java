package com.instainstru.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's public catalog, read as a tolerant reader (base URL: CATALOG_URL). */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogView(List<CategoryView> categories) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CategoryView(String slug, String name, List<ServiceView> services) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServiceView(UUID id, String slug, String name, Boolean active) {
    }

    /** Every category with its bookable services. */
    @GET
    @Path("/all")
    Uni<CatalogView> all();
}
