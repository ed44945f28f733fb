package com.instainstru.analytics.trending;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.analytics.jobs.JobRun;
import com.instainstru.analytics.jobs.JobRunner;
import com.instainstru.analytics.report.DailyReportJob;
import com.instainstru.analytics.support.Events;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public trending read: anyone may ask, it shows the latest day's trending services first and that
 * report's most frequent searches, and nothing of the admin-only figures. Its rows are dated far ahead
 * (2099) so that they are the latest whatever other tests left, and removed afterwards.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class TrendingTest {

    private static final java.time.LocalDate DAY = java.time.LocalDate.parse("2099-01-01");

    @Inject
    Pool pool;

    @Inject
    Events events;

    @Inject
    JobRunner runner;

    @Inject
    ObjectMapper json;

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
    void anyoneSeesTrendingServicesFirstAndOnlyServicesEnoughSearchersFound() {
        UUID steady = UUID.randomUUID();
        UUID rising = UUID.randomUUID();
        UUID piano = UUID.randomUUID();
        UUID yoga = UUID.randomUUID();
        try {
            analytics(steady, "steady-" + steady.toString().substring(0, 8), 0.9, false);
            analytics(rising, "rising-" + rising.toString().substring(0, 8), 0.4, true);
            // The report keeps the raw searches for admins; the public read shows only trendingSearches that
            // enough distinct searchers (5 by default) asked for: Piano (7), not Yoga (3).
            pool.preparedQuery("INSERT INTO daily_report (report_date, run_id, window_end, body) VALUES ($1::date, $2, now(), "
                            + "jsonb_build_object('grossBookingValue', 999, 'topSearches', jsonb_build_array(jsonb_build_object("
                            + "'query', 'cheap pills at evil.example', 'count', 500)), 'trendingSearches', jsonb_build_array("
                            + "jsonb_build_object('serviceId', $3::text, 'name', 'Piano', 'slug', 'piano', 'searchers', 7), "
                            + "jsonb_build_object('serviceId', $4::text, 'name', 'Yoga', 'slug', 'yoga', 'searchers', 3))))")
                    .executeAndAwait(Tuple.of(DAY, UUID.randomUUID(), piano.toString(), yoga.toString()));

            JsonPath answer = given().when().get("/api/v1/analytics/trending?limit=2").then().statusCode(200)
                    .body("asOfDate", equalTo(DAY.toString())).body("searchesDate", equalTo(DAY.toString())).extract().jsonPath();
            assertThat(answer.getList("services.id")).containsExactly(rising.toString(), steady.toString());
            assertThat(answer.getList("services.trending", Boolean.class)).containsExactly(true, false);
            assertThat(answer.getList("searches.query")).containsExactly("Piano");
            assertThat(answer.getList("searches.count", Integer.class)).containsExactly(7);
            assertThat(answer.getList("searches.serviceId")).containsExactly(piano.toString());
            assertThat(answer.prettify()).doesNotContain("grossBookingValue").doesNotContain("evil.example")
                    .doesNotContain("Yoga");
        } finally {
            pool.preparedQuery("DELETE FROM service_analytics WHERE as_of_date = $1::date").executeAndAwait(Tuple.of(DAY));
            pool.preparedQuery("DELETE FROM daily_report WHERE report_date = $1::date").executeAndAwait(Tuple.of(DAY));
            pool.preparedQuery("DELETE FROM catalog_service_ref WHERE service_id = ANY($1)")
                    .executeAndAwait(Tuple.of(new UUID[] {steady, rising}));
        }
    }

    /**
     * The attack of issue 12, kept: one searcher sending a made-up text a thousand times, and searches that
     * match nothing, put nothing on the homepage; a service that distinct signed-in searchers found is named,
     * counted by searchers, not requests. (Events of 2018 belong to this test.)
     */
    @Test
    void theDailyReportTrendsOnlyServicesThatDistinctSearchersFound() throws Exception {
        events.forgetYear(2018);
        LocalDate day = LocalDate.parse("2018-06-12");
        UUID guitar = UUID.randomUUID();
        UUID drums = UUID.randomUUID();
        events.ingest("catalog-events", Events.catalogService(guitar, "guitar-" + guitar, "Guitar", "2018-01-01T00:00:00Z"));
        events.ingest("catalog-events", Events.catalogService(drums, "drums-" + drums, "Drums", "2018-01-01T00:00:00Z"));
        UUID attacker = UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            // One signed-in attacker, many requests: a made-up text matching nothing, and a real service.
            events.ingest("search-events", Events.searchBy(attacker, "2018-06-12T15:00:00Z", "visit evil.example", "none", 0));
            events.ingest("search-events", Events.searchBy(attacker, "2018-06-12T15:00:01Z", "drums at evil.example", "service", 3, drums));
            events.ingest("search-events", Events.searchBy(null, "2018-06-12T15:00:02Z", "drums now", "service", 3, drums));
        }
        for (int i = 0; i < 6; i++) {
            UUID student = UUID.randomUUID();
            events.ingest("search-events", Events.searchBy(student, "2018-06-12T16:00:00Z", "guitar lessons", "service", 4, guitar));
            events.ingest("search-events", Events.searchBy(student, "2018-06-12T16:00:01Z", "guitar on mars", "service", 0, guitar));
        }
        runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.manual, day).await().atMost(java.time.Duration.ofSeconds(30));
        JsonNode trending = json.readTree(pool.preparedQuery("SELECT body::text FROM daily_report WHERE report_date = $1")
                .execute(Tuple.of(day)).await().indefinitely().iterator().next().getString(0)).get("trendingSearches");
        assertThat(trending).hasSize(2);
        assertThat(trending.get(0).get("name").asText()).isEqualTo("Guitar");
        assertThat(trending.get(0).get("searchers").asInt()).isEqualTo(6);
        assertThat(trending.get(1).get("name").asText()).isEqualTo("Drums");
        assertThat(trending.get(1).get("searchers").asInt()).isEqualTo(1);
        assertThat(trending.toString()).doesNotContain("evil.example").doesNotContain("lessons");
        events.forgetYear(2018);
    }

    @Test
    void aBadLimitIsAProblem() {
        for (String limit : List.of("0", "51", "ten")) {
            given().when().get("/api/v1/analytics/trending?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400));
        }
    }
}
