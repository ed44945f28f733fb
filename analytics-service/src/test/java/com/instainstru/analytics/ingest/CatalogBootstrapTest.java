package com.instainstru.analytics.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.analytics.support.CatalogServiceResource;
import com.instainstru.analytics.support.Events;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An analytics database that knows no catalog service reads the bookable ones from the real catalog-service. */
@QuarkusTest
@TestProfile(CatalogBootstrapTest.RealCatalog.class)
@ExtendWith(OpenApiContract.class)
class CatalogBootstrapTest {

    public static class RealCatalog implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CatalogServiceResource.class));
        }
    }

    private static final UUID PIANO = UUID.nameUUIDFromBytes("catalog-service:piano".getBytes(StandardCharsets.UTF_8));

    @Inject
    CatalogBootstrap bootstrap;

    @Inject
    Events events;

    @Inject
    Pool pool;

    @Test
    void anEmptyCatalogIsReadFromCatalogServiceAndEventsStillWin() {
        // Piano is bookable: someone offers it.
        UUID teacher = UUID.randomUUID();
        catalogAs(teacher).body(Map.of("name", "Bootstrap Teacher", "areas", List.of("Brooklyn"), "teachesOnline", true))
                .put("/api/v1/instructors/me").then().statusCode(201);
        catalogAs(teacher).body(Map.of("catalogServiceId", PIANO.toString(), "hourlyRate", new BigDecimal("50"),
                        "durationOptions", List.of(30, 60), "levels", List.of("beginner"), "ageGroups", List.of("adults"),
                        "locationTypes", List.of("studio")))
                .post("/api/v1/instructors/me/services").then().statusCode(201);
        pool.query("DELETE FROM catalog_service_ref").execute().await().indefinitely();

        bootstrap.fillIfEmpty().await().atMost(Duration.ofSeconds(30));

        Row piano = ref(PIANO);
        assertThat(piano.getString("name")).isEqualTo("Piano");
        assertThat(piano.getString("category_slug")).isNotBlank();
        assertThat(bootstrap.fillIfEmpty().await().atMost(Duration.ofSeconds(10))).isZero(); // no longer empty

        // Any catalog event, however old, is newer than what was read (recorded as of the epoch).
        events.ingest("catalog-events", Events.catalogService(PIANO, "piano", "Piano (from an event)", "2000-01-01T00:00:00Z"));
        assertThat(ref(PIANO).getString("name")).isEqualTo("Piano (from an event)");
    }

    private Row ref(UUID id) {
        var rows = pool.preparedQuery("SELECT * FROM catalog_service_ref WHERE service_id = $1").execute(Tuple.of(id))
                .await().indefinitely();
        assertThat(rows.size()).isEqualTo(1);
        return rows.iterator().next();
    }

    private static io.restassured.specification.RequestSpecification catalogAs(UUID instructor) {
        return given().baseUri(CatalogServiceResource.baseUrl()).port(-1).auth().oauth2(Tokens.instructor(instructor))
                .contentType("application/json");
    }
}
