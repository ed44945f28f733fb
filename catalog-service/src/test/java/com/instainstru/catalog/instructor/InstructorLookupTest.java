package com.instainstru.catalog.instructor;

import static com.instainstru.catalog.support.Api.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admins find instructors of any status by a part of the name or by id (the admin pages add emails from the gateway). */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class InstructorLookupTest {

    @Test
    void adminsFindInstructorsOfAnyStatusByNameOrId() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID ada = Api.newInstructor("Ada Lookup" + tag);
        UUID bea = Api.newInstructor("Bea lookup" + tag);
        UUID cy = Api.newInstructor("Cy Elsewhere " + tag.toUpperCase() + "x");
        UUID other = Api.newInstructor("Dee Unrelated");
        UUID service = Api.newCatalogService("music", true);
        UUID offering = Api.offer(ada, service, "50");
        Api.as(Tokens.instructor(ada)).body(Map.of("catalogServiceId", service.toString(), "hourlyRate", 50,
                        "durationOptions", List.of(30), "levels", List.of("beginner"), "ageGroups", List.of("adults"),
                        "locationTypes", List.of("studio"), "active", false))
                .put("/api/v1/instructors/me/services/" + offering).then().statusCode(200);
        Api.as(Tokens.admin()).body(Map.of("action", "suspend", "reason", "complaints"))
                .post("/api/v1/instructors/" + bea + "/status").then().statusCode(200);

        // A part of the name, any case, any status, by name; a paused offering is shown to the admin.
        JsonPath found = lookUp(Map.of("q", "lookup" + tag));
        assertThat(found.getList("items.id")).containsExactly(ada.toString(), bea.toString());
        assertThat(found.getList("items.status")).containsExactly("active", "suspended");
        assertThat(found.getList("items[0].offerings.active")).containsExactly(false);
        assertThat(found.getInt("total")).isEqualTo(2);
        // Ids (the gateway's matches by email) or the name; a status narrows it.
        assertThat(lookUp(Map.of("q", "lookup" + tag, "ids", cy + "," + other)).getList("items.id"))
                .containsExactlyInAnyOrder(ada.toString(), bea.toString(), cy.toString(), other.toString());
        assertThat(lookUp(Map.of("ids", cy.toString())).getList("items.id")).containsExactly(cy.toString());
        assertThat(lookUp(Map.of("q", "lookup" + tag, "status", "suspended")).getList("items.id"))
                .containsExactly(bea.toString());
        JsonPath firstPage = lookUp(Map.of("q", "lookup" + tag, "status", "any", "limit", "1"));
        assertThat(firstPage.getList("items.id")).containsExactly(ada.toString());
        JsonPath secondPage = lookUp(Map.of("q", "lookup" + tag, "limit", "1", "cursor", firstPage.getString("nextCursor")));
        assertThat(secondPage.getList("items.id")).containsExactly(bea.toString());
        assertThat(secondPage.getString("nextCursor")).isNull();
        // LIKE's wildcards are plain characters.
        assertThat(lookUp(Map.of("q", "%" + tag)).getList("items")).isEmpty();
        assertThat(lookUp(Map.of("q", "_ookup" + tag)).getList("items")).isEmpty();
        // Suspended instructors stay out of the public list, which is unchanged without the admin's parameters.
        given().get("/api/v1/instructors/" + bea).then().statusCode(404);
    }

    @Test
    void onlyAdminsLookUpAndBadParametersAre400s() {
        given().queryParam("q", "a").get("/api/v1/instructors").then().statusCode(403).contentType(PROBLEM);
        Api.as(Tokens.instructor(UUID.randomUUID())).queryParam("status", "suspended").get("/api/v1/instructors")
                .then().statusCode(403).contentType(PROBLEM);
        Api.as(Tokens.admin()).queryParam("status", "sleeping").get("/api/v1/instructors").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("status"));
        Api.as(Tokens.admin()).queryParam("ids", "not-an-id").get("/api/v1/instructors").then().statusCode(400)
                .body("errors[0].field", equalTo("ids"));
        String many = IntStream.range(0, 101).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));
        Api.as(Tokens.admin()).queryParam("ids", many).get("/api/v1/instructors").then().statusCode(400);
        Api.as(Tokens.admin()).queryParam("q", "x".repeat(101)).get("/api/v1/instructors").then().statusCode(400);
    }

    private static JsonPath lookUp(Map<String, String> params) {
        return Api.as(Tokens.admin()).queryParams(params).get("/api/v1/instructors").then().statusCode(200)
                .extract().jsonPath();
    }
}
