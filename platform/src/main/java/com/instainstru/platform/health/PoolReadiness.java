package com.instainstru.platform.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the reactive pool, which serves every request, reaches PostgreSQL. It replaces Quarkus's
 * datasource checks ({@code quarkus.datasource.health.enabled=false} in every service): those also probe the
 * JDBC datasource that only Flyway uses at start, opening a direct connection on each probe of each pod.
 */
@Readiness
@ApplicationScoped
public class PoolReadiness implements AsyncHealthCheck {

    static final String NAME = "PostgreSQL (reactive pool)";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    Pool pool;

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(TIMEOUT).fail()
                .map(rows -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
