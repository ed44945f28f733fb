package com.instainstru.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The public API through the gateway, as the tests use it to make their own data: accounts, instructors, offerings. */
final class Api {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String PASSWORD = "correct horse battery staple";
    /** Streams feed search and analytics: allow for two busy cores. */
    static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private Api() {
    }

    record User(String id, String email, String token) {
    }

    /** An instructor's offering of a catalog service. */
    record Offering(User instructor, String name, String id, String serviceId) {
    }

    static RequestSpecification gateway(String token) {
        RequestSpecification request = given().baseUri(Platform.shared().gatewayUrl()).contentType(ContentType.JSON);
        return token == null ? request : request.auth().oauth2(token);
    }

    static String newEmail(String role) {
        return role + "-" + UUID.randomUUID() + "@e2e.instainstru.test";
    }

    static User signUp(String role, String name) {
        String email = newEmail(role);
        gateway(null).body(Map.of("email", email, "password", PASSWORD, "role", role, "name", name))
                .post("/api/v1/auth/register").then().statusCode(201)
                .body("instructorProfile", is(role.equals("instructor") ? "created" : null));
        User user = logIn(email, PASSWORD);
        gateway(user.token()).get("/api/v1/auth/me").then().statusCode(200)
                .body("email", is(email)).body("name", is(name)).body("roles", hasItem(role));
        return user;
    }

    static User logIn(String email, String password) {
        String token = gateway(null).body(Map.of("email", email, "password", password)).post("/api/v1/auth/login")
                .then().statusCode(200).extract().path("accessToken");
        String id = gateway(token).get("/api/v1/auth/me").then().statusCode(200).extract().path("id");
        return new User(id, email, token);
    }

    /**
     * An instructor signs up (which creates their catalog profile), fills the profile (New York, Park Slope,
     * online), offers the catalog service at the rate for the lengths, and publishes the coming week and a day,
     * 09:00-20:00 New York time every day.
     */
    static Offering instructorOffering(String name, String serviceSlug, int hourlyRate, List<Integer> lengths,
            List<String> locationTypes) {
        User instructor = signUp("instructor", name);
        gateway(instructor.token()).get("/api/v1/instructors/me").then().statusCode(200).body("name", is(name));
        gateway(instructor.token()).body(Map.of("name", name, "bio", name + " has taught for twelve years.",
                "yearsExperience", 12, "timeZone", "America/New_York", "areas", List.of("Park Slope"),
                "teachesOnline", true, "teachesAtStudio", locationTypes.contains("studio"), "travelsToStudents",
                locationTypes.contains("student_home")))
                .put("/api/v1/instructors/me").then().statusCode(200).body("yearsExperience", is(12));
        String serviceId = gateway(null).get("/api/v1/catalog/services/" + serviceSlug).then().statusCode(200)
                .extract().path("id");
        String offeringId = gateway(instructor.token()).body(Map.of("catalogServiceId", serviceId, "hourlyRate", hourlyRate,
                "durationOptions", lengths, "levels", List.of("beginner", "intermediate"),
                "ageGroups", List.of("kids", "adults"), "locationTypes", locationTypes, "active", true))
                .post("/api/v1/instructors/me/services").then().statusCode(201).extract().path("id");
        List<Map<String, String>> hours = List.of(Map.of("start", "09:00", "end", "20:00"));
        LocalDate today = LocalDate.now(NEW_YORK);
        gateway(instructor.token()).body(Map.of("from", today.toString(), "to", today.plusDays(8).toString(),
                "days", Map.of("monday", hours, "tuesday", hours, "wednesday", hours, "thursday", hours,
                        "friday", hours, "saturday", hours, "sunday", hours)))
                .post("/api/v1/availability/me/pattern").then().statusCode(204);
        return new Offering(instructor, name, offeringId, serviceId);
    }

    /** Waits until the query finds the instructor without giving up a constraint (search is fed by the streams). */
    static JsonPath awaitInSearch(String query, String instructorId) {
        return await("instructor " + instructorId + " found by \"" + query + "\"").atMost(EVENTUALLY)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> searchResultOf(query, instructorId), result -> result != null);
    }

    private static JsonPath searchResultOf(String query, String instructorId) {
        JsonPath answer = gateway(null).queryParam("q", query).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath();
        if (!answer.getList("relaxed").isEmpty()) {
            return null; // found only by giving up a constraint: not yet the answer
        }
        List<Map<String, Object>> results = answer.getList("results");
        for (int i = 0; i < results.size(); i++) {
            if (instructorId.equals(results.get(i).get("instructorId"))) {
                return answer.setRootPath("results[" + i + "]");
            }
        }
        return null;
    }
}
