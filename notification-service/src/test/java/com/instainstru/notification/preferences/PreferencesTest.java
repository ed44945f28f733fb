package com.instainstru.notification.preferences;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.instainstru.notification.support.Streams;
import com.instainstru.notification.support.Streams.Person;
import com.instainstru.platform.test.MailDevResource;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET/PUT /api/v1/notifications/preferences: the caller's own, on by default, problems for bad input. */
@QuarkusTest
@QuarkusTestResource(MailDevResource.class)
@ExtendWith(OpenApiContract.class)
class PreferencesTest {

    private static final String PREFERENCES = "/api/v1/notifications/preferences";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Streams streams;

    @Test
    void remindersAreOnUntilTheCallerTurnsThemOffAndEachCallerHasTheirOwn() {
        Person ada = streams.register("Ada Park", "student");
        UUID other = UUID.randomUUID();
        as(ada.id()).get(PREFERENCES).then().statusCode(200).body("reminders", equalTo(true));

        as(ada.id()).body("{\"reminders\": false}").put(PREFERENCES).then().statusCode(200).body("reminders", equalTo(false));
        as(ada.id()).get(PREFERENCES).then().statusCode(200).body("reminders", equalTo(false));
        as(other).get(PREFERENCES).then().statusCode(200).body("reminders", equalTo(true));

        as(ada.id()).body("{\"reminders\": true}").put(PREFERENCES).then().statusCode(200).body("reminders", equalTo(true));
        as(ada.id()).get(PREFERENCES).then().statusCode(200).body("reminders", equalTo(true));
    }

    @Test
    void aPreferenceSetBeforeTheUsersAddressIsKnownIsKeptWhenItArrives() {
        UUID early = UUID.randomUUID();
        as(early).body("{\"reminders\": false}").put(PREFERENCES).then().statusCode(200);
        streams.publish("user-events", Streams.envelope("user.registered", java.time.Instant.now(), java.util.Map.of(
                "userId", early.toString(), "email", "early-" + early + "@notification.instainstru.test",
                "name", "Early Bird", "roles", java.util.List.of("student"))));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                as(early).get(PREFERENCES).then().statusCode(200).body("reminders", equalTo(false)));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        UUID user = UUID.randomUUID();
        as(user).body("{}").put(PREFERENCES).then().statusCode(400).contentType(startsWith(PROBLEM))
                .body(containsString("reminders"));
        as(user).body("{\"reminders\": \"maybe\"}").put(PREFERENCES).then().statusCode(400).contentType(startsWith(PROBLEM))
                .body(containsString("reminders"));
        as(user).body("{\"reminders\": 0}").put(PREFERENCES).then().statusCode(400).contentType(startsWith(PROBLEM))
                .body(containsString("reminders"));
        as(user).body("{\"reminders\": false, \"reminders\": true}").put(PREFERENCES).then().statusCode(400)
                .contentType(startsWith(PROBLEM));
        given().get(PREFERENCES).then().statusCode(401).contentType(startsWith(PROBLEM));
        given().contentType("application/json").body("{\"reminders\": false}").put(PREFERENCES).then().statusCode(401);
        as(user).get(PREFERENCES).then().statusCode(200).body("reminders", equalTo(true));

        given().contentType("application/json").body("{}").post("/api/v1/notifications/unsubscribe").then()
                .statusCode(400).contentType(startsWith(PROBLEM)).body(containsString("token"));
        given().contentType("application/json").body("{\"token\": \"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/notifications/unsubscribe").then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    private static RequestSpecification as(UUID user) {
        return given().auth().oauth2(Tokens.student(user)).contentType("application/json");
    }
}
