package com.instainstru.catalog.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Public reads come from Redis, and every write makes exactly the affected answers fresh at once. */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class CacheInvalidationTest {

    @Inject
    RedisDataSource redis;

    @Inject
    Pool pool;

    @Test
    void answersAreServedFromTheCacheUntilAWriteThroughTheServiceInvalidatesThem() throws InterruptedException {
        UUID service = Api.newCatalogService("arts", true);
        Api.offer(Api.newInstructor("Cache Proof"), service, "50");
        // Let the writes' delayed second invalidation (0.5 s) pass, then warm the cache; it is stored asynchronously.
        Thread.sleep(800);
        given().get("/api/v1/catalog/services/" + service).then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3))
                .until(() -> redis.hash(String.class).hget("catalog:service:" + service, "v") != null);
        assertThat(redis.hash(String.class).hget("catalog:service:" + service, "v")).contains(service.toString());

        // A change behind the service's back is not seen: the answer comes from the cache.
        pool.preparedQuery("UPDATE catalog_service SET name = 'Changed Behind The Back' WHERE id = $1")
                .execute(Tuple.of(service)).await().indefinitely();
        given().get("/api/v1/catalog/services/" + service).then().body("name", org.hamcrest.Matchers.startsWith("Test "));

        // A change through the service is seen at once.
        String slug = given().get("/api/v1/catalog/services/" + service).then().extract().path("slug");
        Api.as(Tokens.admin()).body(Map.of("category", "arts", "name", "Renamed Through API", "slug", slug,
                "onlineCapable", true)).put("/api/v1/catalog/services/" + service).then().statusCode(200);
        given().get("/api/v1/catalog/services/" + service).then().body("name", equalTo("Renamed Through API"));
        given().get("/api/v1/catalog/services/" + slug).then().body("name", equalTo("Renamed Through API"));
    }

    @Test
    void aNewInstructorsServiceAppearsOnTheHomepageAtOnce() {
        // First in its category's display order: the homepage's top 50 must show it however many services
        // earlier runs left in the test database (ties of display order go by slug, which is random here).
        String newSlug = Api.uniqueSlug("svc");
        UUID service = UUID.fromString(Api.as(Tokens.admin()).body(Map.of("category", "kids", "name", "Test " + newSlug,
                "slug", newSlug, "onlineCapable", true, "displayOrder", 0)).post("/api/v1/catalog/services").then()
                .statusCode(201).extract().path("id"));
        List<String> before = homepageServices("kids");
        assertThat(before).doesNotContain(service.toString());
        given().get("/api/v1/catalog/all").then().statusCode(200);
        given().get("/api/v1/catalog/categories").then().statusCode(200);

        Api.offer(Api.newInstructor("Brand New"), service, "35");

        assertThat(homepageServices("kids")).contains(service.toString());
        List<String> all = given().get("/api/v1/catalog/all").then().extract().jsonPath()
                .getList("categories.find { it.slug == 'kids' }.services.id");
        assertThat(all).contains(service.toString());
        List<String> kids = given().queryParam("category", "kids").get("/api/v1/catalog/services").then().extract()
                .jsonPath().getList("id");
        assertThat(kids).contains(service.toString());
    }

    @Test
    void aProfileChangeRefreshesTheInstructorsPageAndTheListsShowingThem() {
        UUID service = Api.newCatalogService("language", true);
        UUID me = Api.newInstructor("Old Name");
        Api.offer(me, service, "40");
        given().get("/api/v1/instructors/" + me).then().body("name", equalTo("Old Name"));
        given().queryParam("service", service.toString()).get("/api/v1/instructors").then()
                .body("items[0].name", equalTo("Old Name"));

        Api.as(Tokens.instructor(me)).body(Map.of("name", "New Name", "areas", List.of("Queens")))
                .put("/api/v1/instructors/me").then().statusCode(200);

        given().get("/api/v1/instructors/" + me).then().body("name", equalTo("New Name"))
                .body("areas", equalTo(List.of("Queens")));
        given().queryParam("service", service.toString()).get("/api/v1/instructors").then()
                .body("items[0].name", equalTo("New Name"));
    }

    @Test
    void aProfileChangeLeavesTheCatalogAggregatesCached() throws InterruptedException {
        // Let the delayed second invalidation of earlier tests' writes (0.5 s) pass first.
        Thread.sleep(1000);
        given().get("/api/v1/catalog/categories").then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3))
                .until(() -> redis.key(String.class).exists("catalog:categories"));
        UUID me = Api.newInstructor("Only Profile");
        Api.as(Tokens.instructor(me)).body(Map.of("name", "Only Profile 2")).put("/api/v1/instructors/me")
                .then().statusCode(200);
        assertThat(redis.key(String.class).exists("catalog:categories")).isTrue();
    }

    private static List<String> homepageServices(String category) {
        return given().queryParam("limit", 50).get("/api/v1/catalog/top-per-category").then().statusCode(200)
                .extract().jsonPath().getList("find { it.slug == '" + category + "' }.services.id");
    }
}
