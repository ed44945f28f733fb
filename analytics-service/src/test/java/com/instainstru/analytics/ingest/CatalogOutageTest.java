package com.instainstru.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** catalog-service unreachable (nothing listens at the test profile's CATALOG_URL): the catalog stays empty, nothing fails. */
@QuarkusTest
class CatalogOutageTest {

    @Inject
    CatalogBootstrap bootstrap;

    @Inject
    Pool pool;

    @Test
    void anUnreachableCatalogOnlyPostponesTheBootstrap() {
        pool.query("DELETE FROM catalog_service_ref").execute().await().indefinitely();
        assertThat(bootstrap.fillIfEmpty().await().atMost(Duration.ofSeconds(30))).isZero();
        assertThat(pool.query("SELECT count(*) FROM catalog_service_ref").execute().await().indefinitely()
                .iterator().next().getLong(0)).isZero();
    }
}
