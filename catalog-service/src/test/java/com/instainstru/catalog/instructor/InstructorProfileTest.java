package com.instainstru.catalog.instructor;

import static com.instainstru.catalog.support.Api.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(OpenApiContract.class)
class InstructorProfileTest {

    private static Map<String, Object> profile(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("bio", "Teaches with patience.");
        body.put("yearsExperience", 7);
        body.put("timeZone", "America/Chicago");
        body.put("areas", List.of("park slope", "MANHATTAN", "Park Slope"));
        body.put("teachesOnline", true);
        body.put("travelsToStudents", true);
        return body;
    }

    @Test
    void anInstructorCreatesThenReplacesTheirProfile() {
        UUID me = UUID.randomUUID();
        Api.as(Tokens.instructor(me)).body(profile("Ada Park")).put("/api/v1/instructors/me").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/instructors/" + me))
                .body("id", equalTo(me.toString())).body("status", equalTo("active"))
                .body("areas", equalTo(List.of("Park Slope", "Manhattan"))).body("timeZone", equalTo("America/Chicago"));
        Map<String, Object> changed = profile("Ada Park-Lee");
        changed.remove("timeZone");
        Api.as(Tokens.instructor(me)).body(changed).put("/api/v1/instructors/me").then().statusCode(200)
                .body("name", equalTo("Ada Park-Lee")).body("timeZone", equalTo("America/New_York"));
        given().get("/api/v1/instructors/" + me).then().statusCode(200).body("name", equalTo("Ada Park-Lee"))
                .body("yearsExperience", equalTo(7)).body("travelsToStudents", equalTo(true));
    }

    @Test
    void badProfilesAreRejectedAndNothingIsStored() {
        UUID me = UUID.randomUUID();
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("areas[1]", with("areas", List.of("Brooklyn", "Atlantis")));
        cases.put("timeZone", with("timeZone", "Mars/Olympus_Mons"));
        cases.put("name", with("name", "x".repeat(121)));
        cases.put("bio", with("bio", "x".repeat(4001)));
        cases.put("yearsExperience", with("yearsExperience", -1));
        cases.put("yearsExperience ", with("yearsExperience", "many"));
        cases.put("name  ", with("name", "   "));
        cases.forEach((field, body) -> Api.as(Tokens.instructor(me)).body(body).put("/api/v1/instructors/me")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field.strip())));
        Api.as(Tokens.instructor(me)).body(with("bio", "nul \u0000 byte")).put("/api/v1/instructors/me").then()
                .statusCode(400).contentType(PROBLEM).body("detail", org.hamcrest.Matchers.containsString("NUL"));
        Api.as(Tokens.instructor(me)).body("{\"name\": ").put("/api/v1/instructors/me").then().statusCode(400)
                .contentType(PROBLEM);
        Api.as(Tokens.instructor(me)).put("/api/v1/instructors/me").then().statusCode(400).contentType(PROBLEM);
        given().get("/api/v1/instructors/" + me).then().statusCode(404);
        Api.as(Tokens.instructor(me)).get("/api/v1/instructors/me").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void onlyInstructorsHaveProfilesAndTokensAreChecked() {
        UUID me = UUID.randomUUID();
        Api.as(Tokens.student(me)).body(profile("Student")).put("/api/v1/instructors/me").then().statusCode(403)
                .contentType(PROBLEM);
        given().contentType("application/json").body(profile("Anon")).put("/api/v1/instructors/me").then()
                .statusCode(401).contentType(PROBLEM);
        for (String bad : List.of(Tokens.expired(me, "instructor"), Tokens.signedByAnotherKey(me, "instructor"),
                Tokens.wrongIssuer(me, "instructor"), Tokens.unsigned(me), Tokens.tampered(me), "not-a-jwt")) {
            Api.as(bad).body(profile("Forged")).put("/api/v1/instructors/me").then().statusCode(401).contentType(PROBLEM);
        }
        given().get("/api/v1/instructors/" + me).then().statusCode(404);
    }

    @Test
    void aTokenWhoseSubjectIsNotAUserIdIsRefused() {
        String token = io.smallrye.jwt.build.Jwt.issuer("instainstru").subject("robert'); DROP TABLE instructor;--")
                .groups("instructor").sign();
        Api.as(token).body(profile("Bobby")).put("/api/v1/instructors/me").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void lookupsByMalformedOrUnknownIdsAreClear() {
        given().get("/api/v1/instructors/not-a-uuid").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
        given().get("/api/v1/instructors/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theListShowsActiveInstructorsOfAServicePageByPage() {
        UUID service = Api.newCatalogService("sports-fitness", false);
        UUID first = Api.newInstructor("Page One");
        UUID second = Api.newInstructor("Page Two");
        UUID paused = Api.newInstructor("Paused One");
        Api.offer(first, service, "60");
        Api.offer(second, service, "65");
        Api.offer(paused, service, "70");
        Api.setStatus(paused, "pause");

        List<String> ids = given().queryParam("service", service.toString()).get("/api/v1/instructors")
                .then().statusCode(200).body("total", equalTo(2)).extract().jsonPath().getList("items.id");
        assertThat(ids).containsExactlyInAnyOrder(first.toString(), second.toString());
        // Pages follow nextCursor; a page is where the last one ended, whoever is added before it meanwhile.
        var firstPage = given().queryParam("service", service.toString()).queryParam("limit", 1)
                .get("/api/v1/instructors").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(first.toString())).body("total", equalTo(2))
                .body("items[0].offerings[0].catalogServiceId", equalTo(service.toString())).extract().jsonPath();
        Api.offer(Api.newInstructor("Page Naught"), service, "55");
        given().queryParam("service", service.toString()).queryParam("limit", 1)
                .queryParam("cursor", firstPage.getString("nextCursor")).get("/api/v1/instructors").then()
                .statusCode(200).body("items.id", contains(second.toString())).body("nextCursor", nullValue())
                .body("total", equalTo(3));
        given().queryParam("service", "no-such-service").get("/api/v1/instructors").then().statusCode(404)
                .contentType(PROBLEM);
        given().queryParam("limit", 0).get("/api/v1/instructors").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("limit", 101).get("/api/v1/instructors").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("limit", "x").get("/api/v1/instructors").then().statusCode(400).contentType(PROBLEM);
        for (String bad : List.of("x", "bm90IGEgY3Vyc29y", firstPage.getString("nextCursor") + "A")) {
            given().queryParam("cursor", bad).get("/api/v1/instructors").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("cursor"));
        }
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = profile("Valid Name");
        body.put(field, value);
        return body;
    }
}
