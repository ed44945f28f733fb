package com.instainstru.catalog.demo;

import com.instainstru.catalog.infra.CatalogConfig;
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

/** Loads deterministic demo instructors; exists only where catalog.demo-data.enabled is set (local platform, benchmarks). */
@Path("/api/v1/admin/demo-data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class DemoDataResource {

    public record DemoDataRequest(@NotNull @Min(1) @Max(50_000) Integer instructors, Long seed) {
    }

    @Inject
    DemoDataService demo;

    @Inject
    CatalogConfig config;

    @POST
    @RolesAllowed(Caller.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create N deterministic demo instructors with offerings (idempotent per seed)")
    @APIResponse(responseCode = "200", description = "What was created")
    @APIResponse(responseCode = "404", description = "Demo data is disabled here")
    public Uni<DemoDataService.Result> generate(@Valid @NotNull DemoDataRequest request) {
        if (!config.demoData().enabled()) {
            throw ApiException.notFound("resource", "/api/v1/admin/demo-data");
        }
        return demo.generate(request.instructors(), request.seed() == null ? 42L : request.seed());
    }
}
