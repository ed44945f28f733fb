package com.instainstru.search.readmodel;

import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Search admin", description = "Keeping the search read model true to its sources")
@Path("/api/v1/search/admin/reconcile")
@Produces(MediaType.APPLICATION_JSON)
public class ReconcileResource {

    @Inject
    Reconciliation reconciliation;

    @POST
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Compare the read model with catalog-service and booking-service now, repair what differs, "
            + "and say what was checked and repaired")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReconcileReport.class)))
    @APIResponse(responseCode = "409", description = "A reconciliation (or a rebuild) is running on some pod")
    @APIResponse(responseCode = "503", description = "catalog-service or booking-service did not answer")
    public Uni<ReconcileReport> reconcile() {
        return reconciliation.run(false)
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> ApiException.unavailable(
                        "the reconciliation could not finish (what it repaired so far stays repaired): " + e.getMessage()))
                .map(report -> report.orElseThrow(() -> ApiException.conflict(
                        "a reconciliation is already running; its report will be in the log and the metrics")));
    }
}
