package com.instainstru.search.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.platform.sql.TransientConflicts;
import com.instainstru.platform.test.contract.OpenApiContract;
import com.instainstru.search.support.PlatformResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An empty read model is rebuilt from the real catalog-service's and booking-service's APIs:
 * every bookable service (embedded), every active instructor with their offerings, and their free time.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformResource.class, restrictToAnnotatedClass = true)
@ExtendWith(OpenApiContract.class)
class ReadModelRebuildTest {

    @Inject
    Pool pool;

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    CatalogSnapshot snapshot;

    private List<Row> rows(String sql) {
        List<Row> out = new java.util.ArrayList<>();
        pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).forEach(out::add);
        return out;
    }

    @Test
    void anEmptyReadModelIsRebuiltFromTheServicesApis() {
        // DELETE, not TRUNCATE: the consumer keeps running, and TRUNCATE's table locks could deadlock with it.
        // A DELETE can still deadlock with an event's transaction (rows locked in another order): run it again.
        for (String table : List.of("read_model_rebuild", "offering", "booked", "availability", "instructor",
                "catalog_service", "category", "processed_event")) {
            TransientConflicts.retried(pool.query("DELETE FROM " + table).execute()).await().atMost(Duration.ofSeconds(10));
        }
        com.instainstru.search.search.TestCatalogLoader.forget();

        rebuild.rebuild().await().atMost(Duration.ofSeconds(60));

        JsonPath catalog = given().baseUri(PlatformResource.catalogUrl()).get("/api/v1/catalog/all").then()
                .statusCode(200).extract().jsonPath();
        List<String> bookable = catalog.getList("categories.services.flatten().id");
        Set<String> stored = new HashSet<>();
        rows("SELECT id FROM catalog_service WHERE vector_dims(embedding) = 384").forEach(r -> stored.add(r.getUUID(0).toString()));
        assertThat(stored).containsAll(bookable).isNotEmpty();

        JsonPath instructors = given().baseUri(PlatformResource.catalogUrl()).queryParam("limit", 100)
                .get("/api/v1/instructors").then().statusCode(200).extract().jsonPath();
        List<String> ids = instructors.getList("items.id");
        Set<String> storedInstructors = new HashSet<>();
        rows("SELECT id FROM instructor WHERE status = 'active'").forEach(r -> storedInstructors.add(r.getUUID(0).toString()));
        assertThat(storedInstructors).containsAll(ids);
        int offerings = instructors.getList("items.offerings.flatten()").size();
        assertThat(rows("SELECT count(*) FROM offering").get(0).getLong(0)).isGreaterThanOrEqualTo(offerings);

        // Free time as booking-service computes it, for the demo instructors' next days.
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        JsonPath free = given().baseUri(PlatformResource.bookingUrl()).contentType("application/json")
                .body(Map.of("instructorIds", ids.stream().map(UUID::fromString).toList(), "from", today.toString(),
                        "to", today.plusDays(13).toString()))
                .post("/api/v1/availability/search").then().statusCode(200).extract().jsonPath();
        long daysWithFreeTime = free.getList("instructors.days.flatten().findAll { it.free.size() > 0 }").size();
        assertThat(daysWithFreeTime).isPositive();
        assertThat(rows("SELECT count(*) FROM availability WHERE NOT isempty(free)").get(0).getLong(0))
                .isGreaterThanOrEqualTo(daysWithFreeTime);
        assertThat(rows("SELECT count(*) FROM read_model_rebuild").get(0).getLong(0)).isEqualTo(1);

        // And search answers from it: an instructor is found by the service they offer.
        snapshot.reload().await().atMost(Duration.ofSeconds(10));
        String service = instructors.getString("items[0].offerings[0].serviceName");
        String instructor = instructors.getString("items[0].id");
        // Every page (a popular service has more teachers than one page holds).
        List<String> found = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", service).queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/search").then().statusCode(200).extract().jsonPath();
            found.addAll(page.getList("results.instructorId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null && !found.contains(instructor) && found.size() < 2_000);
        assertThat(found).contains(instructor);
    }
}
