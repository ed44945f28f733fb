package com.instainstru.search.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * booking-service's bulk free-time call (each instructor's windows, blackouts, taken time, rules and
 * availability version), read to rebuild and to reconcile the read model. It takes at most
 * {@link #MAX_INSTRUCTORS} instructors and {@link #MAX_DAYS} days a call.
 */
@RegisterRestClient(configKey = "booking")
@Path("/api/v1/availability")
public interface BookingApi {

    int MAX_INSTRUCTORS = 100;
    int MAX_DAYS = 28;

    record FreeTimeRequest(List<UUID> instructorIds, LocalDate from, LocalDate to) {
    }

    @POST
    @Path("/search")
    Uni<JsonNode> freeTime(FreeTimeRequest request);
}
