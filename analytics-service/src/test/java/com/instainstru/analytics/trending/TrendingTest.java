package com.instainstru.analytics.trending;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The public trending read: anyone may ask, it shows the latest day's trending services first and that
 * report's most frequent searches, and nothing of the admin-only figures. Its rows are dated far ahead
 * (2099) so that they are the latest whatever other tests left, and removed afterwards.
 */
@QuarkusTest
class TrendingTest {

    private static final java.time.LocalDate DAY = java.time.LocalDate.parse("2099-01-01");

    @Inject
    Pool pool;

    private void analytics(UUID service, String slug, double popularity, boolean trending) {
        pool.preparedQuery("INSERT INTO catalog_service_ref (service_id, slug, name, category_slug, as_of) "
                        + "VALUES ($1, $2, $3, 'music', now()) ON CONFLICT (service_id) DO NOTHING")
                .executeAndAwait(Tuple.of(service, slug, slug.toUpperCase()));
        pool.preparedQuery("INSERT INTO service_analytics (as_of_date, service_id, run_id, window_end, searches_7d, "
                        + "searches_30d, searches_90d, bookings_7d, bookings_30d, bookings_90d, distinct_students, "
                        + "active_instructors, demand_score, trending, popularity) VALUES ($1::date, $2, $3, now(), "
                        + "1, 1, 1, 1, 1, 1, 1, 1, 0.5, $4, $5)")
                .executeAndAwait(Tuple.of(DAY, service, UUID.randomUUID(), trending, popularity));
    }

    @Test
    void anyoneSeesTrendingServicesFirstAndTheLatestReportsTopSearches() {
        UUID steady = UUID.randomUUID();
        UUID rising = UUID.randomUUID();
        try {
            analytics(steady, "steady-" + steady.toString().substring(0, 8), 0.9, false);
            analytics(rising, "rising-" + rising.toString().substring(0, 8), 0.4, true);
            pool.preparedQuery("INSERT INTO daily_report (report_date, run_id, window_end, body) VALUES ($1::date, $2, now(), "
                            + "'{\"grossBookingValue\": 999, \"topSearches\": [{\"query\": \"piano lessons\", \"count\": 7, "
                            + "\"avgResults\": 3}, {\"query\": \"yoga\", \"count\": 2, \"avgResults\": 1}]}'::jsonb)")
                    .executeAndAwait(Tuple.of(DAY, UUID.randomUUID()));

            JsonPath answer = given().when().get("/api/v1/analytics/trending?limit=2").then().statusCode(200)
                    .body("asOfDate", equalTo(DAY.toString())).body("searchesDate", equalTo(DAY.toString())).extract().jsonPath();
            assertThat(answer.getList("services.id")).containsExactly(rising.toString(), steady.toString());
            assertThat(answer.getList("services.trending", Boolean.class)).containsExactly(true, false);
            assertThat(answer.getList("searches.query")).containsExactly("piano lessons", "yoga");
            assertThat(answer.getList("searches.count", Integer.class)).containsExactly(7, 2);
            assertThat(answer.prettify()).doesNotContain("grossBookingValue").doesNotContain("avgResults");
        } finally {
            pool.preparedQuery("DELETE FROM service_analytics WHERE as_of_date = $1::date").executeAndAwait(Tuple.of(DAY));
            pool.preparedQuery("DELETE FROM daily_report WHERE report_date = $1::date").executeAndAwait(Tuple.of(DAY));
            pool.preparedQuery("DELETE FROM catalog_service_ref WHERE service_id = ANY($1)")
                    .executeAndAwait(Tuple.of(new UUID[] {steady, rising}));
        }
    }

    @Test
    void aBadLimitIsAProblem() {
        for (String limit : List.of("0", "51", "ten")) {
            given().when().get("/api/v1/analytics/trending?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400));
        }
    }
}
