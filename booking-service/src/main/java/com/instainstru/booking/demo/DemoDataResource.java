package com.instainstru.booking.demo;

import com.instainstru.platform.demo.DemoDataEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Demo availability and bookings for the catalog's instructors; exists only with DEMO_DATA_ENABLED=true. */
@Path(DemoDataEndpoint.PATH)
@Tag(name = "Admin")
public class DemoDataResource extends DemoDataEndpoint<DemoDataResource.DemoDataRequest, DemoDataService.Result> {

    @Schema(description = "Windows for the next `days` days for every active catalog instructor, and up to "
            + "`bookings` sample bookings (100 by default)")
    public record DemoDataRequest(@NotNull @Min(1) @Max(120) Integer days, @Min(0) @Max(10_000) Integer bookings) {
    }

    @Inject
    DemoDataService demo;

    @Override
    protected Uni<DemoDataService.Result> generateFor(DemoDataRequest request) {
        return demo.generate(request.days(), request.bookings() == null ? 100 : request.bookings());
    }
}
