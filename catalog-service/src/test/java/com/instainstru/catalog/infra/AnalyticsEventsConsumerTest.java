package com.instainstru.catalog.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * analytics-service's service-analytics.updated fills the read-only analytics of the catalog's services
 * and reorders the homepage at once: the cached answers are invalidated, not left to expire.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class AnalyticsEventsConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RedisDataSource redis;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    /** Services earlier runs of these tests ranked would crowd the homepage's top 50 of 'arts'. */
    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierRuns() {
        pool.query("UPDATE catalog_service SET popularity = NULL, analytics_as_of = NULL WHERE analytics_as_of IS NOT NULL")
                .execute().await().indefinitely();
    }

    @Test
    void theNightlyFiguresReachTheServicesAndReorderTheHomepage() throws Exception {
        UUID quiet = bookableArtsService("Quiet Teacher");
        UUID popular = bookableArtsService("Popular Teacher");
        OffsetDateTime asOf = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        publish(UUID.randomUUID(), asOf, List.of(figures(quiet, 0.90, false), figures(popular, 0.10, false)));
        await().atMost(Duration.ofSeconds(10)).until(() -> popularity(quiet) == 0.90);
        // Warm the cache with this ordering: quiet first.
        Thread.sleep(700); // past the delayed second invalidation
        assertThat(artsOrder().indexOf(quiet.toString())).isLessThan(artsOrder().indexOf(popular.toString()));

        publish(UUID.randomUUID(), asOf.plusDays(1), List.of(figures(quiet, 0.05, false), figures(popular, 0.95, true)));

        await().atMost(Duration.ofSeconds(10)).until(() -> artsOrder().indexOf(popular.toString())
                < artsOrder().indexOf(quiet.toString()));
        given().get("/api/v1/catalog/services/" + popular).then().statusCode(200)
                .body("analytics.popularity", org.hamcrest.Matchers.equalTo(0.95f))
                .body("analytics.trending", org.hamcrest.Matchers.equalTo(true))
                .body("analytics.bookings30d", org.hamcrest.Matchers.equalTo(12))
                .body("analytics.priceP50", org.hamcrest.Matchers.equalTo(60.0f));
    }

    @Test
    void aRedeliveredOrOlderRunChangesNothing() throws Exception {
        UUID service = bookableArtsService("Steady Teacher");
        OffsetDateTime asOf = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        UUID eventId = UUID.randomUUID();
        publish(eventId, asOf, List.of(figures(service, 0.5, false)));
        await().atMost(Duration.ofSeconds(10)).until(() -> popularity(service) == 0.5);

        publish(eventId, asOf.plusDays(1), List.of(figures(service, 0.7, false))); // same event id: redelivery
        publish(UUID.randomUUID(), asOf.minusDays(1), List.of(figures(service, 0.3, false))); // an older run, late
        UUID marker = bookableArtsService("Marker Teacher");
        publish(UUID.randomUUID(), asOf, List.of(figures(marker, 0.2, false)));
        await().atMost(Duration.ofSeconds(10)).until(() -> popularity(marker) == 0.2); // everything before it was read

        assertThat(popularity(service)).isEqualTo(0.5);
    }

    @Test
    void anEventWithFiguresThatCannotBeStoredIsSkippedWholeAndTheNextOneApplied() throws Exception {
        UUID fine = bookableArtsService("Fine Teacher");
        UUID broken = bookableArtsService("Broken Teacher");
        OffsetDateTime asOf = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        Map<String, Object> text = figures(broken, 0.4, false);
        text.put("popularity", "high");
        Map<String, Object> huge = figures(broken, 0.4, false);
        huge.put("priceP50", 1e12);
        Map<String, Object> fraction = figures(broken, 0.4, false);
        fraction.put("bookings30d", 12.5);
        List<UUID> bad = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        publish(bad.get(0), asOf, List.of(figures(fine, 0.6, false), text));
        publish(bad.get(1), asOf, List.of(figures(fine, 0.6, false), huge));
        publish(bad.get(2), asOf, List.of(figures(fine, 0.6, false), fraction));
        UUID marker = bookableArtsService("Marker Teacher");
        publish(UUID.randomUUID(), asOf, List.of(figures(marker, 0.2, false)));
        await().atMost(Duration.ofSeconds(10)).until(() -> popularity(marker) == 0.2);

        assertThat(popularity(fine)).isEqualTo(-1);
        assertThat(popularity(broken)).isEqualTo(-1);
        long recorded = pool.preparedQuery("SELECT count(*) FROM processed_event WHERE event_id = ANY($1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of((Object) bad.toArray(UUID[]::new)))
                .await().indefinitely().iterator().next().getLong(0);
        assertThat(recorded).as("skipped, not left to be retried").isEqualTo(3);
        assertThat(redis.stream(String.class).xpending("analytics-events", "catalog-service").getPendingCount()).isZero();
    }

    /** A new arts service with one instructor offering it (so it is shown), unique to the calling test. */
    private static UUID bookableArtsService(String teacher) {
        UUID service = Api.newCatalogService("arts", true);
        Api.offer(Api.newInstructor(teacher), service, "40");
        return service;
    }

    private static Map<String, Object> figures(UUID service, double popularity, boolean trending) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("serviceId", service.toString());
        s.put("popularity", popularity);
        s.put("demandScore", popularity * 100);
        s.put("trending", trending);
        s.put("bookings30d", 12);
        s.put("searches30d", 40);
        s.put("priceP25", 45.0);
        s.put("priceP50", 60.0);
        s.put("priceP75", 80.0);
        return s;
    }

    private void publish(UUID id, OffsetDateTime asOf, List<Map<String, Object>> services) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id.toString());
        envelope.put("type", "service-analytics.updated");
        envelope.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        envelope.put("source", "analytics-service");
        envelope.put("version", 1);
        envelope.put("payload", Map.of("runId", UUID.randomUUID().toString(), "asOf", asOf.toString(),
                "services", services));
        redis.stream(String.class).xadd("analytics-events",
                Map.of("type", "service-analytics.updated", "envelope", JSON.writeValueAsString(envelope)));
    }

    private static double popularity(UUID service) {
        Float value = given().get("/api/v1/catalog/services/" + service).then().statusCode(200).extract()
                .path("analytics.popularity");
        return value == null ? -1 : Math.round(value * 100) / 100.0;
    }

    private static List<String> artsOrder() {
        return given().queryParam("limit", 50).get("/api/v1/catalog/top-per-category").then().statusCode(200).extract()
                .jsonPath().getList("find { it.slug == 'arts' }.services.id");
    }
}
