package com.instainstru.catalog.demo;

import static com.instainstru.catalog.support.Api.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(OpenApiContract.class)
class DemoDataResourceTest {

    @Test
    void demoInstructorsAreCreatedOnceAndAreRealBookableInstructors() {
        long seed = System.nanoTime();
        Api.as(Tokens.admin()).body(Map.of("instructors", 25, "seed", seed)).post("/api/v1/admin/demo-data")
                .then().statusCode(200).body("instructorsCreated", equalTo(25));
        Api.as(Tokens.admin()).body(Map.of("instructors", 30, "seed", seed)).post("/api/v1/admin/demo-data")
                .then().statusCode(200).body("instructorsCreated", equalTo(5)).body("offeringsCreated",
                        org.hamcrest.Matchers.greaterThan(0));

        UUID first = DemoDataGenerator.instructorId(seed, 0);
        int offerings = given().get("/api/v1/instructors/" + first).then().statusCode(200)
                .body("status", equalTo("active")).extract().path("offerings.size()");
        assertThat(offerings).isPositive();
    }

    @Test
    void onlyAdminsLoadDemoDataAndTheCountIsBounded() {
        Api.as(Tokens.instructor(UUID.randomUUID())).body(Map.of("instructors", 5)).post("/api/v1/admin/demo-data")
                .then().statusCode(403).contentType(PROBLEM);
        Api.as(Tokens.admin()).body(Map.of("instructors", 0)).post("/api/v1/admin/demo-data").then().statusCode(400)
                .contentType(PROBLEM);
        Api.as(Tokens.admin()).body(Map.of("instructors", 1_000_000)).post("/api/v1/admin/demo-data").then()
                .statusCode(400).contentType(PROBLEM);
    }

    @Test
    void theInheritedOperationTakesThisServicesRequestAndAToken() {
        String operation = "paths.'/api/v1/admin/demo-data'.post";
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(operation + ".requestBody.content.'application/json'.schema.'$ref'", endsWith("/DemoDataRequest"))
                .body(operation + ".security[0]", hasKey("jwt"))
                .body("components.schemas.DemoDataRequest.properties", hasKey("instructors"));
    }
}
