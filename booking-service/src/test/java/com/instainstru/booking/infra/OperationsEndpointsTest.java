package com.instainstru.booking.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
@ExtendWith(OpenApiContract.class)
class OperationsEndpointsTest {

    /** Health and metrics are on the management interface (its own port); the public port has neither. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void openApiHealthAndMetricsAnswer() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/bookings"))
                .body("paths.'/api/v1/bookings'.post.responses", hasKey("409"))
                .body("components.securitySchemes", hasKey("jwt"));
        given().port(managementPort).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().port(managementPort).get("/q/metrics").then().statusCode(200).body(containsString("outbox_events_published_total"));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
