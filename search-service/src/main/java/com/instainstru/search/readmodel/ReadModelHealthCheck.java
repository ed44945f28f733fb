package com.instainstru.search.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the read model exists (rebuilt if it was empty), the catalog snapshot is loaded and the
 * offerings have been read into memory.
 */
@Readiness
@ApplicationScoped
public class ReadModelHealthCheck implements HealthCheck {

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    CatalogSnapshot snapshot;

    @Inject
    OfferingIndex index;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("read-model").status(rebuild.done() && index.loaded())
                .withData("services", snapshot.current().byId().size()).withData("instructors", index.instructors())
                .withData("offerings", index.offerings()).build();
    }
}
