package com.instainstru.gateway.identity;

import static com.instainstru.gateway.support.Api.PASSWORD;
import static com.instainstru.gateway.support.Api.PROBLEM;
import static com.instainstru.gateway.support.Api.as;
import static com.instainstru.gateway.support.Api.json;
import static com.instainstru.gateway.support.Api.register;
import static com.instainstru.gateway.support.Api.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.gateway.support.NotificationProfile;
import com.instainstru.gateway.support.NotificationResource;
import com.instainstru.platform.test.MailDev;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account emails end to end through the gateway's outbox, user-events, a real notification-service and MailDev:
 * the address verification after sign-up, sign-up with a registered address (the same answer; the owner is told),
 * and the password reset; every link works once and expires (links live a few seconds here: NotificationProfile).
 */
@QuarkusTest
@TestProfile(NotificationProfile.class)
@ExtendWith(OpenApiContract.class)
class AccountEmailsTest {

    static final int TTL_SECONDS = NotificationProfile.LINK_TTL_SECONDS;
    private static final String NEW_PASSWORD = "a brand new password";

    @Inject
    Pool db;

    @Test
    void signUpSendsAVerificationLinkThatWorksOnce() {
        String email = uniqueEmail("verify");
        UUID id = register(email, "student", "Vera Verify");
        String token = linkToken(awaitMessage(email, "email-verification"), "verify-email");

        json().body(Map.of("token", token)).post("/api/v1/auth/verify-email").then().statusCode(204);
        assertThat(verifiedAt(id)).isNotNull();
        assertThat(eventsOf(id, "user.email-verified")).isEqualTo(1);

        json().body(Map.of("token", token)).post("/api/v1/auth/verify-email").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("token"));
        assertThat(eventsOf(id, "user.email-verified")).isEqualTo(1);
    }

    @Test
    void aVerificationLinkExpires() throws Exception {
        String email = uniqueEmail("late-verify");
        long start = System.currentTimeMillis();
        UUID id = register(email, "student", "Lou Late");
        String token = linkToken(awaitMessage(email, "email-verification"), "verify-email");
        Thread.sleep(Math.max(0, start + TTL_SECONDS * 1000L + 500 - System.currentTimeMillis()));

        json().body(Map.of("token", token)).post("/api/v1/auth/verify-email").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("token"));
        assertThat(verifiedAt(id)).isNull();
    }

    @Test
    void signUpWithARegisteredAddressAnswersTheSameAndTellsTheOwner() throws Exception {
        String email = uniqueEmail("twice");
        JsonPath first = json().body(Map.of("email", email, "password", PASSWORD, "role", "student", "name", "First"))
                .post("/api/v1/auth/register").then().statusCode(201).contentType(startsWith("application/json"))
                .extract().jsonPath();
        awaitMessage(email, "email-verification");
        JsonPath second = json().body(Map.of("email", email.toUpperCase(), "password", "another long password",
                        "role", "student", "name", "Second"))
                .post("/api/v1/auth/register").then().statusCode(201).contentType(startsWith("application/json"))
                .extract().jsonPath();

        assertThat(second.getMap("").keySet()).isEqualTo(first.getMap("").keySet());
        assertThat(second.getString("email")).isEqualTo(first.getString("email"));
        assertThat(second.getString("id")).isNotEqualTo(first.getString("id"));
        // Nothing changed: the first password still signs in, the second does not.
        json().body(Map.of("email", email, "password", PASSWORD)).post("/api/v1/auth/login").then().statusCode(200);
        json().body(Map.of("email", email, "password", "another long password")).post("/api/v1/auth/login").then()
                .statusCode(401);

        JsonNode told = awaitMessage(email, "account-exists");
        assertThat(told.path("text").asText()).contains("already have an account").contains("First");
        // Its reset link works: the owner can choose a new password from it.
        String token = linkToken(told, "reset-password");
        json().body(Map.of("token", token, "newPassword", NEW_PASSWORD)).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(204);
        json().body(Map.of("email", email, "password", NEW_PASSWORD)).post("/api/v1/auth/login").then().statusCode(200);
        Thread.sleep(1000);
        assertThat(messages(email, "email-verification")).hasSize(1);
    }

    @Test
    void aPasswordResetLinkWorksOnceAndEndsEverySession() {
        String email = uniqueEmail("reset");
        register(email, "student", "Rae Reset");
        JsonPath phone = login(email, PASSWORD);
        JsonPath laptop = login(email, PASSWORD);

        // The same answer for an address without an account.
        json().body(Map.of("email", uniqueEmail("nobody"))).post("/api/v1/auth/password-reset").then().statusCode(202);
        json().body(Map.of("email", email)).post("/api/v1/auth/password-reset").then().statusCode(202);
        json().body(Map.of("email", "not an address")).post("/api/v1/auth/password-reset").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("email"));
        String token = linkToken(awaitMessage(email, "password-reset"), "reset-password");

        json().body(Map.of("token", token, "newPassword", "short")).post("/api/v1/auth/password-reset/confirm").then()
                .statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("newPassword"));
        json().body(Map.of("token", token, "newPassword", NEW_PASSWORD)).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(204);
        json().body(Map.of("token", token, "newPassword", "yet another password")).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("token"));

        // Every session ended: neither refresh token works, nor the access token.
        for (JsonPath session : List.of(phone, laptop)) {
            json().body(Map.of("refreshToken", session.getString("refreshToken"))).post("/api/v1/auth/refresh").then()
                    .statusCode(401);
            as(session.getString("accessToken")).get("/api/v1/auth/me").then().statusCode(401);
        }
        json().body(Map.of("email", email, "password", PASSWORD)).post("/api/v1/auth/login").then().statusCode(401);
        login(email, NEW_PASSWORD);
    }

    @Test
    void aPasswordResetLinkExpires() throws Exception {
        String email = uniqueEmail("late-reset");
        register(email, "student", "Lee Late");
        long start = System.currentTimeMillis();
        json().body(Map.of("email", email)).post("/api/v1/auth/password-reset").then().statusCode(202);
        String token = linkToken(awaitMessage(email, "password-reset"), "reset-password");
        Thread.sleep(Math.max(0, start + TTL_SECONDS * 1000L + 500 - System.currentTimeMillis()));

        json().body(Map.of("token", token, "newPassword", NEW_PASSWORD)).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("token"));
        login(email, PASSWORD);
    }

    private static JsonPath login(String email, String password) {
        return json().body(Map.of("email", email, "password", password)).post("/api/v1/auth/login").then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<JsonNode> messages(String email, String kind) {
        return NotificationResource.inbox().messagesTo(email).stream()
                .filter(m -> kind.equals(MailDev.header(m, "X-InstaInstru-Kind"))).toList();
    }

    private static JsonNode awaitMessage(String email, String kind) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> !messages(email, kind).isEmpty());
        return messages(email, kind).get(0);
    }

    /** The token of the message's link to {@code /<page>?token=…} (the same in its text and HTML bodies). */
    private static String linkToken(JsonNode message, String page) {
        Matcher link = Pattern.compile("/" + page + "\\?token=([A-Za-z0-9_-]{43})").matcher(message.path("text").asText());
        assertThat(link.find()).as("a /" + page + " link in: " + message.path("text").asText()).isTrue();
        assertThat(message.path("html").asText()).contains("/" + page + "?token=" + link.group(1));
        return link.group(1);
    }

    private Object verifiedAt(UUID id) {
        return db.preparedQuery("SELECT email_verified_at FROM users WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getValue(0);
    }

    private long eventsOf(UUID id, String type) {
        return db.preparedQuery("SELECT count(*) FROM outbox_event WHERE type = $1 AND envelope::jsonb -> 'payload' ->> 'userId' = $2")
                .execute(Tuple.of(type, id.toString())).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
