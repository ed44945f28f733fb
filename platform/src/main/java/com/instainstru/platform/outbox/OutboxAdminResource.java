package com.instainstru.platform.outbox;

import com.instainstru.platform.problem.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The operator's republish of a producer's events, for after Redis lost its streams: each producing
 * service declares a subclass with its own path ({@code @Path("/api/v1/bookings/admin/outbox")}); the
 * operation is inherited. Admins only.
 */
public abstract class OutboxAdminResource {

    @Inject
    OutboxRelay relay;

    /** What a republish did: how many events go out again, and how far back the kept events reach. */
    public record Republished(int events, OffsetDateTime since, OffsetDateTime oldestKept) {
    }

    @POST
    @Path("/republish")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    // Said here once for every subclass: Quarkus documents the role of a @RolesAllowed only on the class declaring it.
    @SecurityRequirement(name = "jwt", scopes = "admin")
    @Operation(summary = "Publish this service's events again from a point in time",
            description = "Every kept outbox event created at or after `since` is published again, in its original "
                    + "order. Consumers apply an event once, so a repeat is safe. Events are kept for 7 days.")
    public Uni<Republished> republish(
            @Parameter(description = "ISO-8601 date-time with an offset, e.g. 2026-12-01T06:00:00Z", required = true)
            @QueryParam("since") String since) {
        OffsetDateTime from = parse(since);
        return relay.republishFrom(from).flatMap(count -> relay.oldestKept()
                .map(oldest -> new Republished(count, from, oldest)));
    }

    private static OffsetDateTime parse(String since) {
        if (since == null || since.isBlank()) {
            throw ApiException.invalid("since", "is required (an ISO-8601 date-time with an offset)");
        }
        try {
            return OffsetDateTime.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("since", "must be an ISO-8601 date-time with an offset, e.g. 2026-12-01T06:00:00Z");
        }
    }
}
