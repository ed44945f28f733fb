package com.instainstru.catalog.support;

import static io.restassured.RestAssured.given;

import com.instainstru.platform.test.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the test's own data through the public API, so every test is independent of the others. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new catalog service (admin), unique to the calling test; returns its id. */
    public static UUID newCatalogService(String category, boolean onlineCapable) {
        String slug = uniqueSlug("svc");
        String id = as(Tokens.admin()).body(Map.of("category", category, "name", "Test " + slug, "slug", slug,
                        "onlineCapable", onlineCapable, "searchTerms", List.of(slug)))
                .post("/api/v1/catalog/services").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** A new instructor with a profile; returns their id (also their user id). */
    public static UUID newInstructor(String name) {
        UUID id = UUID.randomUUID();
        as(Tokens.instructor(id)).body(Map.of("name", name, "areas", List.of("Brooklyn"), "teachesOnline", true))
                .put("/api/v1/instructors/me").then().statusCode(201);
        return id;
    }

    public static Map<String, Object> offering(UUID serviceId, BigDecimal rate) {
        return Map.of("catalogServiceId", serviceId.toString(), "hourlyRate", rate, "durationOptions", List.of(30, 60),
                "levels", List.of("beginner"), "ageGroups", List.of("adults"), "locationTypes", List.of("studio"));
    }

    /** The instructor offers the service at the rate; returns the offering id. */
    public static UUID offer(UUID instructorId, UUID serviceId, String rate) {
        String id = as(Tokens.instructor(instructorId)).body(offering(serviceId, new BigDecimal(rate)))
                .post("/api/v1/instructors/me/services").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static void setStatus(UUID instructorId, String action) {
        as(Tokens.instructor(instructorId)).body(Map.of("action", action))
                .post("/api/v1/instructors/me/status").then().statusCode(200);
    }
}
