package com.instainstru.gateway.identity;

import static com.instainstru.gateway.support.Api.PASSWORD;
import static com.instainstru.gateway.support.Api.PROBLEM;
import static com.instainstru.gateway.support.Api.as;
import static com.instainstru.gateway.support.Api.json;
import static com.instainstru.gateway.support.Api.login;
import static com.instainstru.gateway.support.Api.register;
import static com.instainstru.gateway.support.Api.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user's own name and time zone: chosen at sign-up (optional), shown by GET /api/v1/auth/me, changed by PATCH
 * /api/v1/auth/me, which publishes user.updated through the outbox in the same transaction; an unknown zone is a 400
 * naming the field and changes nothing.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class ProfileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool db;

    @Test
    void signUpTakesATimeZoneAndUserRegisteredCarriesIt() throws Exception {
        String email = uniqueEmail("zone");
        String id = json().body(Map.of("email", email, "password", PASSWORD, "role", "student", "name", "Zoe Zone",
                        "timeZone", "Europe/Berlin"))
                .post("/api/v1/auth/register").then().statusCode(201).body("timeZone", equalTo("Europe/Berlin"))
                .extract().path("id");
        as(login(email)).get("/api/v1/auth/me").then().statusCode(200).body("timeZone", equalTo("Europe/Berlin"));
        JsonNode registered = payloads(UUID.fromString(id), "user.registered").get(0);
        assertThat(registered.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(registered.path("name").asText()).isEqualTo("Zoe Zone");

        json().body(Map.of("email", uniqueEmail("zone"), "password", PASSWORD, "role", "student", "name", "No Zone",
                        "timeZone", "Mars/Olympus_Mons"))
                .post("/api/v1/auth/register").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItem("timeZone"));
    }

    @Test
    void theUserChangesTheirNameAndTimeZoneAndUserUpdatedIsPublished() throws Exception {
        String email = uniqueEmail("profile");
        UUID id = register(email, "student", "Pat Before");
        String token = login(email);
        as(token).get("/api/v1/auth/me").then().statusCode(200).body("timeZone", nullValue());

        as(token).body(Map.of("name", "  Pat After ", "timeZone", "Asia/Tokyo")).patch("/api/v1/auth/me").then()
                .statusCode(200).body("name", equalTo("Pat After")).body("timeZone", equalTo("Asia/Tokyo"))
                .body("email", equalTo(email));
        as(token).get("/api/v1/auth/me").then().statusCode(200).body("name", equalTo("Pat After"))
                .body("timeZone", equalTo("Asia/Tokyo"));
        // Only the time zone: the name stays.
        as(token).body(Map.of("timeZone", "America/Denver")).patch("/api/v1/auth/me").then().statusCode(200)
                .body("name", equalTo("Pat After")).body("timeZone", equalTo("America/Denver"));

        List<JsonNode> updates = payloads(id, "user.updated");
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).path("name").asText()).isEqualTo("Pat After");
        assertThat(updates.get(0).path("email").asText()).isEqualTo(email);
        assertThat(updates.get(0).path("timeZone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(updates.get(1).path("timeZone").asText()).isEqualTo("America/Denver");
        // The relay publishes them to user-events.
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(id, "user.updated") == 0);
    }

    @Test
    void anUnknownZoneABlankNameOrNothingToChangeIsA400AndChangesNothing() throws Exception {
        String email = uniqueEmail("profile");
        UUID id = register(email, "instructor", "Ivy Instructor");
        String token = login(email);

        as(token).body(Map.of("timeZone", "Europe/Atlantis")).patch("/api/v1/auth/me").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("timeZone"));
        as(token).body(Map.of("timeZone", "+02:00")).patch("/api/v1/auth/me").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("timeZone"));
        as(token).body(Map.of("name", "   ")).patch("/api/v1/auth/me").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("name"));
        as(token).body(Map.of("name", "Ivy\u0000")).patch("/api/v1/auth/me").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("name"));
        as(token).body(Map.of("name", "x".repeat(121))).patch("/api/v1/auth/me").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("name"));
        as(token).body(Map.of()).patch("/api/v1/auth/me").then().statusCode(400).contentType(startsWith(PROBLEM));

        as(token).get("/api/v1/auth/me").then().statusCode(200).body("name", equalTo("Ivy Instructor"))
                .body("timeZone", nullValue());
        assertThat(payloads(id, "user.updated")).isEmpty();
    }

    @Test
    void withoutASignInItIs401() {
        json().body(Map.of("name", "Nobody")).patch("/api/v1/auth/me").then().statusCode(401)
                .contentType(startsWith(PROBLEM));
        as("not-a-token").body(Map.of("name", "Nobody")).patch("/api/v1/auth/me").then().statusCode(401)
                .contentType(startsWith(PROBLEM));
    }

    private List<JsonNode> payloads(UUID user, String type) throws Exception {
        List<JsonNode> payloads = new ArrayList<>();
        for (Row row : db.preparedQuery("SELECT envelope FROM outbox_event WHERE type = $1 "
                        + "AND envelope::jsonb -> 'payload' ->> 'userId' = $2 ORDER BY id")
                .execute(Tuple.of(type, user.toString())).await().atMost(Duration.ofSeconds(5))) {
            payloads.add(JSON.readTree(row.getString("envelope")).path("payload"));
        }
        return payloads;
    }

    private long unpublished(UUID user, String type) {
        return db.preparedQuery("SELECT count(*) FROM outbox_event WHERE type = $1 AND published_at IS NULL "
                        + "AND envelope::jsonb -> 'payload' ->> 'userId' = $2")
                .execute(Tuple.of(type, user.toString())).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
