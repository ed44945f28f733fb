package com.instainstru.gateway.identity;

import static com.instainstru.gateway.support.Api.PASSWORD;
import static com.instainstru.gateway.support.Api.as;
import static com.instainstru.gateway.support.Api.json;
import static com.instainstru.gateway.support.Api.register;
import static com.instainstru.gateway.support.Api.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.instainstru.gateway.support.PlatformProfile;
import com.instainstru.gateway.support.PlatformResource;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Access tokens stop working when their sign-in session ends (logout, a replayed refresh token, a password
 * change) — at the gateway at once, and at every service called directly within a second (each remembers a
 * session's state for a second) — and a token living longer than the maximum (15 minutes) is refused
 * everywhere. Against the real services, called through the gateway and directly.
 */
@QuarkusTest
@TestProfile(PlatformProfile.class)
@ExtendWith(OpenApiContract.class)
class SessionEndTest {

    /** Within a second, plus the time of the calls themselves on two busy cores. */
    private static final Duration WITHIN_A_SECOND = Duration.ofMillis(1500);

    private record Session(String access, String refresh) {
    }

    @Test
    void afterLogoutTheAccessTokenIsRefusedByTheGatewayAndEveryService() {
        String email = uniqueEmail("leaving");
        register(email, "student", "Lea Ving");
        Session session = login(email, PASSWORD);
        Session other = login(email, PASSWORD);
        assertThat(statuses(session.access())).allSatisfy((where, status) -> assertThat(status).as(where).isNotEqualTo(401));

        json().body(Map.of("refreshToken", session.refresh())).post("/api/v1/auth/logout").then().statusCode(204);

        as(session.access()).get("/api/v1/bookings").then().statusCode(401);
        await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(statuses(session.access())).allSatisfy((where, status) -> assertThat(status).as(where).isEqualTo(401)));
        // The same user's other sign-in goes on.
        assertThat(statuses(other.access())).allSatisfy((where, status) -> assertThat(status).as(where).isNotEqualTo(401));
    }

    @Test
    void aReplayedRefreshTokenEndsTheSessionsAccessTokens() {
        String email = uniqueEmail("replayed");
        register(email, "student", "Re Played");
        Session first = login(email, PASSWORD);
        String access = json().body(Map.of("refreshToken", first.refresh())).post("/api/v1/auth/refresh").then()
                .statusCode(200).extract().path("accessToken");
        as(access).get("/api/v1/bookings").then().statusCode(200);
        // The spent refresh token comes back: the whole session ends, the access token refreshed from it too.
        json().body(Map.of("refreshToken", first.refresh())).post("/api/v1/auth/refresh").then().statusCode(401);
        await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(statuses(access)).allSatisfy((where, status) -> assertThat(status).as(where).isEqualTo(401)));
    }

    @Test
    void aPasswordChangeEndsEverySession() {
        String email = uniqueEmail("changer");
        register(email, "student", "Chan Ger");
        Session laptop = login(email, PASSWORD);
        Session phone = login(email, PASSWORD);
        as(phone.access()).get("/api/v1/bookings").then().statusCode(200);
        as(laptop.access()).body(Map.of("currentPassword", PASSWORD, "newPassword", "a brand new secret"))
                .post("/api/v1/auth/password").then().statusCode(204);
        await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(statuses(laptop.access())).allSatisfy((where, status) -> assertThat(status).as(where).isEqualTo(401));
            assertThat(statuses(phone.access())).allSatisfy((where, status) -> assertThat(status).as(where).isEqualTo(401));
        });
        Session fresh = login(email, "a brand new secret");
        assertThat(statuses(fresh.access())).allSatisfy((where, status) -> assertThat(status).as(where).isNotEqualTo(401));
    }

    @Test
    void aTokenLivingLongerThanTheMaximumIsRefusedEverywhere() {
        UUID user = register(uniqueEmail("long-lived"), "student", "Lon Ger"); // so that /auth/me knows the account
        String tenYears = Tokens.lasting(user, "student", Duration.ofDays(3650));
        String sixteenMinutes = Tokens.lasting(user, "student", Duration.ofMinutes(16));
        String fifteenMinutes = Tokens.lasting(user, "student", Duration.ofMinutes(15));
        assertThat(statuses(tenYears)).allSatisfy((where, status) -> assertThat(status).as(where).isEqualTo(401));
        assertThat(statuses(sixteenMinutes)).allSatisfy((where, status) -> assertThat(status).as(where).isEqualTo(401));
        assertThat(statuses(fifteenMinutes)).allSatisfy((where, status) -> assertThat(status).as(where).isNotEqualTo(401));
    }

    private static Session login(String email, String password) {
        JsonPath tokens = json().body(Map.of("email", email, "password", password)).post("/api/v1/auth/login").then()
                .statusCode(200).extract().jsonPath();
        return new Session(tokens.getString("accessToken"), tokens.getString("refreshToken"));
    }

    /** What a student's token gets: from the gateway (its own endpoint and a proxied one) and from each service directly. */
    private static Map<String, Integer> statuses(String token) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("gateway /auth/me", as(token).get("/api/v1/auth/me").statusCode());
        statuses.put("gateway /bookings", as(token).get("/api/v1/bookings").statusCode());
        statuses.put("booking-service", direct(token, PlatformResource.bookingUrl + "/api/v1/bookings"));
        statuses.put("catalog-service", direct(token, PlatformResource.catalogUrl + "/api/v1/instructors/me"));
        statuses.put("search-service", direct(token, PlatformResource.searchUrl + "/api/v1/search?q=piano"));
        statuses.put("analytics-service", direct(token, PlatformResource.analyticsUrl + "/api/v1/analytics/services"));
        return statuses;
    }

    private static int direct(String token, String url) {
        return given().header("Authorization", "Bearer " + token).get(url).statusCode();
    }
}
