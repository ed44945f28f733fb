package com.instainstru.catalog.offering;

import static com.instainstru.catalog.support.Api.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.instainstru.catalog.catalog.CatalogService;
import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.RawHttp;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(OpenApiContract.class)
class OfferingResourceTest {

    @Test
    void anInstructorOffersAServiceAndStudentsSeeIt() {
        UUID service = Api.newCatalogService("music", true);
        UUID me = Api.newInstructor("Offers Piano");
        Map<String, Object> body = new HashMap<>(Api.offering(service, new BigDecimal("62.5")));
        body.put("durationOptions", List.of(90, 30, 60));
        body.put("levels", List.of("advanced", "beginner", "beginner"));
        body.put("locationTypes", List.of("online", "student_home"));
        String id = Api.as(Tokens.instructor(me)).body(body).post("/api/v1/instructors/me/services").then()
                .statusCode(201).header("Location", startsWith("http"))
                .body("hourlyRate", equalTo(62.5f)).body("currency", equalTo("USD")).body("durationOptions", equalTo(List.of(30, 60, 90)))
                .body("levels", equalTo(List.of("beginner", "advanced")))
                .body("serviceSlug", org.hamcrest.Matchers.notNullValue()).extract().path("id");
        given().get("/api/v1/instructors/" + me).then().statusCode(200).body("offerings[0].id", equalTo(id))
                .body("offerings[0].locationTypes", equalTo(List.of("online", "student_home")));
    }

    @Test
    void aServiceIsOfferedOnceByAnInstructor() {
        UUID service = Api.newCatalogService("music", true);
        UUID me = Api.newInstructor("Only Once");
        Api.offer(me, service, "50");
        Api.as(Tokens.instructor(me)).body(Api.offering(service, new BigDecimal("55")))
                .post("/api/v1/instructors/me/services").then().statusCode(409).contentType(PROBLEM);
        given().get("/api/v1/instructors/" + me).then().body("offerings.size()", equalTo(1))
                .body("offerings[0].hourlyRate", equalTo(50.0f));
    }

    @Test
    void everyKindOfBadOfferingIsA400AndNothingIsStored() {
        UUID service = Api.newCatalogService("music", true);
        UUID offlineOnly = Api.newCatalogService("sports-fitness", false);
        UUID me = Api.newInstructor("Bad Input");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("hourlyRate", with(service, "hourlyRate", -5));
        cases.put("hourlyRate ", with(service, "hourlyRate", 0));
        cases.put("hourlyRate  ", with(service, "hourlyRate", 1000000));
        cases.put("hourlyRate   ", with(service, "hourlyRate", 45.555));
        cases.put("hourlyRate    ", with(service, "hourlyRate", "cheap"));
        cases.put("hourlyRate     ", with(service, "hourlyRate", null));
        cases.put("durationOptions", with(service, "durationOptions", List.of()));
        cases.put("durationOptions[1]", with(service, "durationOptions", List.of(30, 30)));
        cases.put("durationOptions[0]", with(service, "durationOptions", List.of(31)));
        cases.put("durationOptions[0] ", with(service, "durationOptions", List.of(15)));
        cases.put("durationOptions[0]  ", with(service, "durationOptions", List.of(255)));
        cases.put("durationOptions[0]   ", with(service, "durationOptions", List.of(-60)));
        cases.put("levels[0]", with(service, "levels", List.of("guru")));
        cases.put("levels", with(service, "levels", List.of()));
        cases.put("ageGroups[0]", with(service, "ageGroups", List.of("toddlers")));
        cases.put("locationTypes[0]", with(service, "locationTypes", List.of("moon")));
        cases.put("locationTypes ", with(offlineOnly, "locationTypes", List.of("online")));
        cases.put("catalogServiceId", with(service, "catalogServiceId", "not-a-uuid"));
        cases.put("catalogServiceId ", with(service, "catalogServiceId", UUID.randomUUID().toString()));
        cases.put("catalogServiceId  ", with(service, "catalogServiceId", null));
        cases.put("description", with(service, "description", "d".repeat(2001)));
        cases.forEach((field, body) -> Api.as(Tokens.instructor(me)).body(body).post("/api/v1/instructors/me/services")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field.strip())));

        for (String raw : List.of("{\"hourlyRate\": ", "[]", "\"text\"", "{\"hourlyRate\": 1e400}")) {
            Api.as(Tokens.instructor(me)).body(raw).post("/api/v1/instructors/me/services").then().statusCode(400)
                    .contentType(PROBLEM);
        }
        given().header("Authorization", "Bearer " + Tokens.instructor(me)).contentType("text/plain").body("hello")
                .post("/api/v1/instructors/me/services").then().statusCode(415).contentType(PROBLEM);
        assertThat(RawHttp.statusOfAnnouncedBody(RestAssured.port, "/api/v1/instructors/me/services", Tokens.instructor(me), 300_000)).isEqualTo(413);

        List<Object> offerings = given().get("/api/v1/instructors/" + me).then().statusCode(200)
                .extract().jsonPath().getList("offerings");
        assertThat(offerings).isEmpty();
    }

    @Test
    void anOfferingNeedsAProfileAndAnInstructorRole() {
        UUID service = CatalogService.idForSlug("guitar");
        Api.as(Tokens.instructor(UUID.randomUUID())).body(Api.offering(service, new BigDecimal("50")))
                .post("/api/v1/instructors/me/services").then().statusCode(409).contentType(PROBLEM);
        Api.as(Tokens.student(UUID.randomUUID())).body(Api.offering(service, new BigDecimal("50")))
                .post("/api/v1/instructors/me/services").then().statusCode(403).contentType(PROBLEM);
        given().contentType("application/json").body(Api.offering(service, new BigDecimal("50")))
                .post("/api/v1/instructors/me/services").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void anInstructorChangesAndRemovesTheirOwnOfferingsOnly() {
        UUID service = Api.newCatalogService("tutoring", true);
        UUID me = Api.newInstructor("Owner");
        UUID other = Api.newInstructor("Not Owner");
        UUID offering = Api.offer(me, service, "40");

        Api.as(Tokens.instructor(me)).body(with(service, "hourlyRate", 75)).put("/api/v1/instructors/me/services/" + offering)
                .then().statusCode(200).body("hourlyRate", equalTo(75.0f));
        Api.as(Tokens.instructor(me)).body(with(CatalogService.idForSlug("piano"), "hourlyRate", 75))
                .put("/api/v1/instructors/me/services/" + offering).then().statusCode(400).contentType(PROBLEM);
        Api.as(Tokens.instructor(other)).body(with(service, "hourlyRate", 10)).put("/api/v1/instructors/me/services/" + offering)
                .then().statusCode(404).contentType(PROBLEM);
        Api.as(Tokens.instructor(other)).delete("/api/v1/instructors/me/services/" + offering).then().statusCode(404);
        Api.as(Tokens.instructor(me)).delete("/api/v1/instructors/me/services/not-a-uuid").then().statusCode(400);
        given().get("/api/v1/catalog/services/" + service).then().body("priceRange.min", equalTo(75.0f));

        Map<String, Object> paused = with(service, "active", false);
        Api.as(Tokens.instructor(me)).body(paused).put("/api/v1/instructors/me/services/" + offering).then()
                .statusCode(200).body("active", equalTo(false));
        given().get("/api/v1/catalog/services/" + service).then().body("instructorCount", equalTo(0));

        Api.as(Tokens.instructor(me)).delete("/api/v1/instructors/me/services/" + offering).then().statusCode(204);
        Api.as(Tokens.instructor(me)).delete("/api/v1/instructors/me/services/" + offering).then().statusCode(404);
        given().get("/api/v1/instructors/" + me).then().body("offerings.size()", equalTo(0));
    }

    private static Map<String, Object> with(UUID service, String field, Object value) {
        Map<String, Object> body = new HashMap<>(Api.offering(service, new BigDecimal("50")));
        body.put(field, value);
        return body;
    }
}
