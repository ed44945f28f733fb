package com.instainstru.platform.demo;

import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A service's demo-data generator for admins, at {@value #PATH}: a service that has one declares a subclass with
 * {@code @Path(DemoDataEndpoint.PATH)}, its request record ({@code Q}, validated) and what it answers ({@code R}).
 * The operation is inherited. It exists only where {@code demo-data.enabled} is true ({@code DEMO_DATA_ENABLED}: the
 * local platform, benchmarks): elsewhere it answers 404 like any unknown path.
 */
public abstract class DemoDataEndpoint<Q, R> {

    public static final String PATH = "/api/v1/admin/demo-data";

    @ConfigProperty(name = "demo-data.enabled", defaultValue = "false")
    boolean enabled;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    // Said here once for every subclass: Quarkus documents the role of a @RolesAllowed only on the class declaring it.
    @SecurityRequirement(name = "jwt", scopes = Caller.ADMIN)
    @Operation(summary = "Create this service's demo data (idempotent)")
    @APIResponse(responseCode = "200", description = "What was created")
    @APIResponse(responseCode = "404", description = "Demo data is disabled here")
    public Uni<R> generate(@Valid @NotNull Q request) {
        if (!enabled) {
            throw ApiException.notFound("resource", PATH);
        }
        return generateFor(request);
    }

    protected abstract Uni<R> generateFor(Q request);
}
