package com.instainstru.booking.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** catalog-service's instructor profile, read as a tolerant reader (base URL: CATALOG_URL). */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1/instructors")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InstructorView(UUID id, String name, String timeZone, String status, List<OfferingView> offerings) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OfferingView(UUID id, UUID catalogServiceId, String serviceName, BigDecimal hourlyRate,
            List<Integer> durationOptions, List<String> locationTypes, boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InstructorPage(List<InstructorView> items, String nextCursor, long total) {
    }

    /** catalog-service answered that there is no such (visible) instructor: an answer, not a failure. */
    class NotInCatalog extends RuntimeException {
        NotInCatalog() {
            super("not in the catalog", null, false, false);
        }
    }

    /** An instructor: anonymous callers see only active instructors and their active offerings. */
    @GET
    @Path("/{id}")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = NotInCatalog.class)
    Uni<InstructorView> instructor(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization);

    /** A page of active instructors with their active offerings (demo data loading); cursor null: the first. */
    @GET
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    Uni<InstructorPage> instructors(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() == 404) {
            return new NotInCatalog();
        }
        return new ClientWebApplicationException("catalog-service answered " + response.getStatus(), response);
    }
}
