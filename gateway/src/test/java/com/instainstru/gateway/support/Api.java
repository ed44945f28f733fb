package com.instainstru.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Accounts and requests made through the gateway's own API, unique to each test. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";
    public static final String PASSWORD = "correct horse battery";

    private Api() {
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String token) {
        return json().header("Authorization", "Bearer " + token);
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Registers an account and answers its id. */
    public static UUID register(String email, String role, String name) {
        String id = json().body(Map.of("email", email, "password", PASSWORD, "role", role, "name", name))
                .post("/api/v1/auth/register").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** Signs in and answers the access token. */
    public static String login(String email) {
        return json().body(Map.of("email", email, "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }
}
