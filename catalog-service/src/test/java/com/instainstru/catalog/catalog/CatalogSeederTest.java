package com.instainstru.catalog.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogSeederTest {

    @Inject
    CatalogSeeder seeder;

    @Inject
    Pool pool;

    @Test
    void theSeedIsLoadedOnceWithEveryServiceAndItsSearchTerms() {
        long before = count("SELECT count(*) FROM catalog_service");
        long events = count("SELECT count(*) FROM outbox_event WHERE type = 'catalog-service.upserted'");
        seeder.onStart(new StartupEvent());
        assertThat(count("SELECT count(*) FROM catalog_service")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = 'catalog-service.upserted'")).isEqualTo(events);

        CatalogSeeder.Seed seed = seeder.read();
        assertThat(seed.categories()).hasSize(7);
        assertThat(seed.services()).hasSize(250);
        assertThat(count("SELECT count(*) FROM category")).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM catalog_service WHERE id = ANY(ARRAY[" + seed.services().stream()
                .map(s -> "'" + CatalogService.idForSlug(s.slug()) + "'::uuid").reduce((a, b) -> a + "," + b).orElseThrow()
                + "])")).isEqualTo(250);
        assertThat(count("SELECT cardinality(search_terms) FROM catalog_service WHERE slug = 'piano'")).isGreaterThan(5);
    }

    @Test
    void anAdminsRenameOfASeededServiceSurvivesTheNextStart() {
        UUID id = CatalogService.idForSlug("beatboxing");
        String renamed = "beatboxing-renamed-" + UUID.randomUUID().toString().substring(0, 6);
        try {
            com.instainstru.catalog.support.Api.as(com.instainstru.platform.test.Tokens.admin())
                    .body(java.util.Map.of("category", "music", "name", "Beatbox", "slug", renamed, "onlineCapable", true))
                    .put("/api/v1/catalog/services/" + id).then().statusCode(200);
            long before = count("SELECT count(*) FROM catalog_service");
            seeder.onStart(new StartupEvent());
            assertThat(count("SELECT count(*) FROM catalog_service")).isEqualTo(before);
            assertThat(count("SELECT count(*) FROM catalog_service WHERE slug = '" + renamed + "'")).isEqualTo(1);
        } finally {
            pool.preparedQuery("UPDATE catalog_service SET slug = 'beatboxing', name = 'Beatboxing' WHERE id = $1")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().indefinitely();
        }
    }

    @Test
    void searchTermsTheSeedGainedReachExistingServicesOnceWithANewVersion() {
        UUID id = CatalogService.idForSlug("violin");
        // As a database seeded before the seed had the other languages' words for violin.
        pool.preparedQuery("UPDATE catalog_service SET search_terms = array_remove(array_remove(search_terms, 'скрипка'), "
                + "'小提琴') || '{fiddle tunes by the admin}' WHERE id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                .await().indefinitely();
        long version = count("SELECT version FROM catalog_service WHERE id = '" + id + "'");
        long events = count("SELECT count(*) FROM outbox_event WHERE type = 'catalog-service.upserted'");

        seeder.onStart(new StartupEvent());
        assertThat(count("SELECT count(*) FROM catalog_service WHERE id = '" + id + "' AND search_terms @> "
                + "'{скрипка,小提琴,fiddle tunes by the admin}'")).isEqualTo(1);
        assertThat(count("SELECT version FROM catalog_service WHERE id = '" + id + "'")).isEqualTo(version + 1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = 'catalog-service.upserted'")).isEqualTo(events + 1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = 'catalog-service.upserted' AND envelope LIKE "
                + "'%\"version\":" + (version + 1) + "}%' AND envelope LIKE '%小提琴%'")).isEqualTo(1);

        seeder.onStart(new StartupEvent());
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = 'catalog-service.upserted'")).isEqualTo(events + 1);
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }
}
