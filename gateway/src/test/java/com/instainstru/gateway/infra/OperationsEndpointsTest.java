package com.instainstru.gateway.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.instainstru.gateway.routing.Route;
import com.instainstru.gateway.routing.RouteTable;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    /** Health and metrics are on the management interface (its own port); the public port has neither. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void readinessIsTheReactivePoolNeitherRedisNorFlywaysJdbcDatasource() {
        given().port(managementPort).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("PostgreSQL (reactive pool)"))
                .body("checks.name", not(hasItems("Redis connection health check")))
                .body("checks.name", not(hasItems("Database connections health check")));
    }

    @Test
    void metricsArePublished() {
        // A request to measure, whichever test runs first (not the homepage: its cache is another test's subject)
        given().get("/api/v1/auth/jwks").then().statusCode(200);
        given().port(managementPort).get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void theOpenApiDocumentCoversTheGatewayAndEveryRoute() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
                "/api/v1/auth/logout", "/api/v1/auth/me", "/api/v1/auth/password", "/api/v1/home");
        for (Route route : RouteTable.routes()) {
            assertThat(doc.getString("paths.'" + route.template() + "'." + route.method().toLowerCase() + ".summary"))
                    .as(route.id()).isEqualTo(route.summary());
        }
        assertThat(doc.getString("paths.'/api/v1/bookings'.post.security")).isNotNull();
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyProxiedRouteIsItsServicesOwnOperationWithTheGatewaysAnswersAdded() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        // search-service's parameters, with their examples
        assertThat(doc.getList("paths.'/api/v1/search'.get.parameters.name")).contains("q", "limit", "cursor");
        assertThat(doc.getString("paths.'/api/v1/search'.get.parameters.find { it.name == 'q' }.example")).isNotBlank();
        assertThat(doc.getString("paths.'/api/v1/search'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/SearchResponse");
        // booking-service's body and statuses, and the gateway's own answers
        assertThat(doc.getString("paths.'/api/v1/bookings'.post.requestBody.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/BookingRequest");
        assertThat(doc.getMap("paths.'/api/v1/bookings'.post.responses")).containsKeys("201", "400", "401", "403", "408",
                "409", "413", "422", "429", "503").doesNotContainKey("200");
        assertThat(doc.getList("paths.'/api/v1/bookings'.post.parameters.name")).contains("Idempotency-Key");
        assertThat(doc.getMap("components.schemas")).containsKeys("BookingRequest", "Booking", "SearchResponse", "Instructor");
        // No route is left as a bare 200: each has its service's statuses and every problem its schema
        for (Route route : RouteTable.routes()) {
            String op = "paths.'" + route.template() + "'." + route.method().toLowerCase();
            Map<String, Map<String, Object>> responses = doc.getMap(op + ".responses");
            assertThat(responses.keySet()).as(route.id()).anyMatch(s -> s.startsWith("2"));
            responses.forEach((status, answer) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(doc.getString(op + ".responses.'" + status + "'.content.'application/problem+json'.schema.'$ref'"))
                            .as(route.id() + " " + status).isEqualTo("#/components/schemas/Problem");
                }
            });
            assertThat(doc.getList(op + ".security")).as(route.id()).isNotEmpty();
        }
        // How to get a token and use it, in Swagger UI's Authorize
        assertThat(doc.getString("components.securitySchemes.jwt.scheme")).isEqualTo("bearer");
        assertThat(doc.getString("components.securitySchemes.jwt.description")).contains("POST /api/v1/auth/login", "Authorize");
    }

    @Test
    void theHomepageDegradesWhenServicesAreDownAndIsCachedBriefly() {
        JsonPath first = given().get("/api/v1/home").then().statusCode(200)
                .header("Cache-Control", containsString("max-age")).body("generatedAt", notNullValue())
                .extract().jsonPath();
        assertThat(first.getList("unavailable")).containsExactlyInAnyOrder("categories", "topPerCategory",
                "trendingServices", "trendingSearches");
        String second = given().get("/api/v1/home").then().statusCode(200).extract().path("generatedAt");
        assertThat(second).isEqualTo(first.getString("generatedAt"));
    }

    @Test
    void metricsAreTaggedByRouteTemplateNeverByTheRawPaths() {
        // More made-up paths than the tag limit (100): on routes with parameters, unrouted, refused before routing.
        java.util.List<String> madeUp = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String junk = "junk" + java.util.UUID.randomUUID().toString().substring(0, 8);
            madeUp.add(junk);
            given().get("/api/v1/catalog/services/" + junk).then().statusCode(503);
            given().header("Authorization", "Bearer not-a-token").get("/api/v1/auth/" + junk).then().statusCode(401);
            given().get("/api/v1/" + junk + "/x").then().statusCode(404);
        }
        // A route first asked after the flood is still measured, under its template.
        given().get("/api/v1/bookings/" + java.util.UUID.randomUUID()).then().statusCode(401);
        String published = given().port(managementPort).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(published).contains("uri=\"/api/v1/catalog/services/{id}\"").contains("uri=\"/api/v1/bookings/{id}\"");
        assertThat(madeUp).noneMatch(published::contains);
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
