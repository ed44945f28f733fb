package com.instainstru.search.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the read model exists (rebuilt if it was empty) and the catalog snapshot is loaded. */
@Readiness
@ApplicationScoped
public class ReadModelHealthCheck implements HealthCheck {

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    CatalogSnapshot snapshot;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("read-model").status(rebuild.done())
                .withData("services", snapshot.current().byId().size()).build();
    }
}
