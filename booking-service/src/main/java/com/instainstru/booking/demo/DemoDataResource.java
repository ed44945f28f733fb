package com.instainstru.booking.demo;

import com.instainstru.booking.infra.BookingConfig;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Demo availability and bookings for the catalog's instructors; exists only with BOOKING_DEMO_DATA_ENABLED=true. */
@Path("/api/v1/admin/demo-data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class DemoDataResource {

    public record DemoDataRequest(@NotNull @Min(1) @Max(120) Integer days, @Min(0) @Max(10_000) Integer bookings) {
    }

    @Inject
    DemoDataService demo;

    @Inject
    BookingConfig config;

    @POST
    @RolesAllowed(Caller.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Windows for the next N days for every active catalog instructor, and sample bookings (idempotent)")
    @APIResponse(responseCode = "200", description = "What was created")
    @APIResponse(responseCode = "404", description = "Demo data is disabled here")
    public Uni<DemoDataService.Result> generate(@Valid @NotNull DemoDataRequest request) {
        if (!config.demoData().enabled()) {
            throw ApiException.notFound("resource", "/api/v1/admin/demo-data");
        }
        return demo.generate(request.days(), request.bookings() == null ? 100 : request.bookings());
    }
}
