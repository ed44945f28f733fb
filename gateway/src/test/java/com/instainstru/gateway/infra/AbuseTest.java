package com.instainstru.gateway.infra;

import static com.instainstru.gateway.support.Api.PASSWORD;
import static com.instainstru.gateway.support.Api.PROBLEM;
import static com.instainstru.gateway.support.Api.as;
import static com.instainstru.gateway.support.Api.json;
import static com.instainstru.gateway.support.Api.register;
import static com.instainstru.gateway.support.Api.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.platform.test.RawHttp;
import com.instainstru.platform.test.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Brute force is throttled (limits of the test profile: 5 failed logins per address and account, 12 per
 * account from all addresses, 3 bookings per user), nothing leaks. Other client addresses are other
 * loopback addresses (127.0.0.x), spoken to over raw sockets.
 */
@QuarkusTest
class AbuseTest {

    @Test
    void anAttackerOnOneAddressCannotLockTheOwnerOutOfAnother() throws Exception {
        String email = uniqueEmail("target");
        register(email, "student", "Target");
        // The attacker (127.0.0.1) hammers the account: five failures, then every attempt waits, uncounted.
        for (int i = 0; i < 5; i++) {
            json().body(Map.of("email", email, "password", "guess " + i)).post("/api/v1/auth/login").then().statusCode(401);
        }
        for (int i = 0; i < 15; i++) {
            Response limited = json().body(Map.of("email", email, "password", "guess " + i)).post("/api/v1/auth/login");
            limited.then().statusCode(429).contentType(PROBLEM);
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 15 * 60);
        }
        // From that address even the right password waits ...
        json().body(Map.of("email", email.toUpperCase(), "password", PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(429);
        // ... but the owner, from their own address, signs in: twenty attempts from one address did not lock them out.
        assertThat(loginFrom("127.0.0.2", email, PASSWORD)).isEqualTo(200);
        // Another account is not affected at the attacker's address either.
        String other = uniqueEmail("bystander");
        register(other, "student", "Bystander");
        json().body(Map.of("email", other, "password", PASSWORD)).post("/api/v1/auth/login").then().statusCode(200);
    }

    @Test
    void credentialStuffingFromManyAddressesIsStopped() throws Exception {
        String email = uniqueEmail("stuffed");
        register(email, "student", "Stuffed");
        // Four addresses, three guesses each: the account's ceiling (12 in this profile) is reached ...
        for (int address = 11; address <= 14; address++) {
            for (int i = 0; i < 3; i++) {
                assertThat(loginFrom("127.0.0." + address, email, "guess " + i)).isEqualTo(401);
            }
        }
        // ... so a fifth address is refused even with the right password, and so is the owner until the window ends.
        assertThat(loginFrom("127.0.0.15", email, PASSWORD)).isEqualTo(429);
        assertThat(loginFrom("127.0.0.2", email, PASSWORD)).isEqualTo(429);
        // Correct passwords do not count as failures: a user signing in often is never throttled.
        String busy = uniqueEmail("busy");
        register(busy, "student", "Busy");
        for (int i = 0; i < 15; i++) {
            json().body(Map.of("email", busy, "password", PASSWORD)).post("/api/v1/auth/login").then().statusCode(200);
        }
    }

    private static int loginFrom(String address, String email, String password) throws Exception {
        String body = "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
        try (RawHttp client = RawHttp.connect(io.restassured.RestAssured.port, address)) {
            return RawHttp.status(client.send(RawHttp.post("/api/v1/auth/login", body)).readUntilClosed(Duration.ofSeconds(10)));
        }
    }

    @jakarta.inject.Inject
    io.quarkus.redis.datasource.RedisDataSource redis;

    @Test
    void bookingCreationIsLimitedPerUser() {
        String student = Tokens.student(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            if (i == 1) {
                // Redis restarted and forgot the limiter's script: it is sent again, and the counts go on.
                redis.execute("SCRIPT", "FLUSH");
            }
            // booking-service is not running here: the gateway answers 503, and the attempt still counts.
            as(student).body("{}").post("/api/v1/bookings").then().statusCode(503);
        }
        as(student).body("{}").post("/api/v1/bookings").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        as(Tokens.student(UUID.randomUUID())).body("{}").post("/api/v1/bookings").then().statusCode(503);
    }

    @Test
    void badInputNeverLeaksInternals() {
        List<Response> responses = List.of(
                json().body("{\"email\": [1, 2").post("/api/v1/auth/login"),
                json().body("{\"email\": {\"$gt\": \"\"}, \"password\": 1}").post("/api/v1/auth/login"),
                given().contentType("text/plain").body("hello").post("/api/v1/auth/register"),
                json().body("[]").post("/api/v1/auth/refresh"),
                json().body("{\"refreshToken\": \"\\u0000\"}").post("/api/v1/auth/refresh"),
                given().get("/api/v1/nothing-here"),
                given().get("/api/v1/catalog/%2e%2e/%2e%2e/etc/passwd"),
                as("a.b.c").get("/api/v1/catalog/categories"),
                given().get("/api/v1/search?q=piano"));
        for (Response response : responses) {
            String body = response.asString();
            assertThat(response.statusCode()).as(body).isBetween(400, 503).isNotEqualTo(500);
            assertThat(response.contentType()).as(body).startsWith(PROBLEM);
            assertThat(body).doesNotContain("Exception").doesNotContain("java.").doesNotContain("com.instainstru")
                    .doesNotContain("io.vertx").doesNotContain("127.0.0.1").doesNotContain("localhost")
                    .doesNotContain("\tat ");
            assertThat(response.header("Server")).isNull();
        }
    }
}
