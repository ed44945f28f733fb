package com.instainstru.search.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** booking-service's bulk free-time call, read when the read model has to be rebuilt. */
@RegisterRestClient(configKey = "booking")
@Path("/api/v1/availability")
public interface BookingApi {

    record FreeTimeRequest(List<UUID> instructorIds, LocalDate from, LocalDate to) {
    }

    @POST
    @Path("/search")
    Uni<JsonNode> freeTime(FreeTimeRequest request);
}
