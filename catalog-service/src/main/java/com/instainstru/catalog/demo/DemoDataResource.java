package com.instainstru.catalog.demo;

import com.instainstru.platform.demo.DemoDataEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Loads deterministic demo instructors; exists only with DEMO_DATA_ENABLED=true (local platform, benchmarks). */
@Path(DemoDataEndpoint.PATH)
@Tag(name = "Admin")
public class DemoDataResource extends DemoDataEndpoint<DemoDataResource.DemoDataRequest, DemoDataService.Result> {

    @Schema(description = "`instructors` deterministic demo instructors with offerings, the same for the same `seed` "
            + "(42 by default): idempotent per seed")
    public record DemoDataRequest(@NotNull @Min(1) @Max(50_000) Integer instructors, Long seed) {
    }

    @Inject
    DemoDataService demo;

    @Override
    protected Uni<DemoDataService.Result> generateFor(DemoDataRequest request) {
        return demo.generate(request.instructors(), request.seed() == null ? 42L : request.seed());
    }
}
