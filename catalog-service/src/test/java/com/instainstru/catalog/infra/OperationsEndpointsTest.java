package com.instainstru.catalog.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator relies on: the API description, health probes and metrics. */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class OperationsEndpointsTest {

    /** Health and metrics are on the management interface (its own port); the public port has neither. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void theOpenApiDocumentDescribesThePublicApiAndItsProblems() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/catalog/top-per-category"))
                .body("paths", hasKey("/api/v1/instructors/me/services"))
                .body("paths.'/api/v1/instructors/me/services'.post.responses", hasKey("409"))
                .body("components.securitySchemes", hasKey("jwt"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthReportsTheDatabaseAndReadiness() {
        given().port(managementPort).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("PostgreSQL"));
        given().port(managementPort).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsIncludeTheCacheAndOutbox() {
        // One answered request first: the server's histogram exists once something was served (run alone too).
        given().get("/api/v1/catalog/categories").then().statusCode(200);
        given().port(managementPort).get("/q/metrics").then().statusCode(200)
                .body(containsString("outbox_events_published_total"))
                .body(containsString("http_server_requests_seconds"));
        double hitsBefore = cacheHits();
        given().get("/api/v1/catalog/areas").then().statusCode(200);
        given().get("/api/v1/catalog/top-per-category?limit=7").then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3)).until(() -> {
            given().get("/api/v1/catalog/top-per-category?limit=7").then().statusCode(200);
            return cacheHits() > hitsBefore;
        });
    }

    /** The cache-hit counter as the Prometheus endpoint shows it. */
    private double cacheHits() {
        String text = given().port(managementPort).get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith("catalog_cache_total") && l.contains("result=\"hit\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
