package com.instainstru.booking.catalog;

import com.instainstru.platform.problem.ApiException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Asks catalog-service about instructors; its failures become a 503 and the caller stores nothing. */
@ApplicationScoped
public class CatalogGateway {

    @Inject
    @RestClient
    CatalogClient catalog;

    /** The instructor as students see them (active only, active offerings only), or empty. */
    public Uni<Optional<CatalogClient.InstructorView>> activeInstructor(UUID instructorId) {
        return ask(instructorId, null);
    }

    /** The instructor as they see themselves (any status), with their own token. */
    public Uni<Optional<CatalogClient.InstructorView>> ownProfile(UUID instructorId, String bearerToken) {
        return ask(instructorId, "Bearer " + bearerToken);
    }

    private Uni<Optional<CatalogClient.InstructorView>> ask(UUID instructorId, String authorization) {
        return catalog.instructor(instructorId, authorization)
                .map(Optional::of)
                .onFailure(CatalogClient.NotInCatalog.class).recoverWithItem(Optional.empty())
                .onFailure(f -> !(f instanceof ApiException)).transform(failure -> {
                    Log.warnf("catalog-service could not be asked about instructor %s: %s", instructorId, failure.toString());
                    return ApiException.unavailable("catalog-service cannot be reached to check the instructor; "
                            + "nothing was stored, try again shortly");
                });
    }
}
