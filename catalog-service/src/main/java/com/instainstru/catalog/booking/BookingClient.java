package com.instainstru.catalog.booking;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** booking-service's answer to "does this instructor still have lessons ahead?" (base URL: BOOKING_URL). */
@RegisterRestClient(configKey = "booking")
@Path("/api/v1/bookings/instructors")
@Produces(MediaType.APPLICATION_JSON)
public interface BookingClient {

    /** Count of the instructor's confirmed bookings that start in the future. */
    record FutureBookings(UUID instructorId, long count) {
    }

    @GET
    @Path("/{instructorId}/future-count")
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    Uni<FutureBookings> futureBookings(@PathParam("instructorId") UUID instructorId,
            @HeaderParam("Authorization") String authorization);
}
