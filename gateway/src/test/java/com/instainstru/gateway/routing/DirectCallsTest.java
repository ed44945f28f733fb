package com.instainstru.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.gateway.support.PlatformProfile;
import com.instainstru.gateway.support.PlatformResource;
import com.instainstru.platform.test.RawHttp;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12's attack on the internal ports, kept: a caller that bypasses the gateway and hammers a service's
 * expensive public reads directly (100 searches in 0.19 s used to get no 429) is limited by the service itself,
 * as configured for production (search: 60 at once, then 10 a second; free-time search: 120, then 2 a second),
 * while the gateway's own clients, each counted by the address the gateway forwards, go on.
 */
@QuarkusTest
@TestProfile(PlatformProfile.class)
@ExtendWith(OpenApiContract.class)
class DirectCallsTest {

    @Test
    void hammeringSearchDirectlyIsLimitedBySearchServiceItself() throws Exception {
        int port = URI.create(PlatformResource.searchUrl).getPort();
        List<Integer> statuses = new ArrayList<>();
        String refused = null;
        for (int i = 0; i < 100; i++) {
            String answer = get(port, "127.0.0.51", "/api/v1/search?q=piano");
            statuses.add(RawHttp.status(answer));
            if (refused == null && RawHttp.status(answer) == 429) {
                refused = answer;
            }
        }
        assertThat(statuses.subList(0, 60)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(refused).contains("Retry-After: ").contains("application/problem+json");
        // Another client, and the gateway's clients (by their own address), are not affected.
        assertThat(RawHttp.status(get(port, "127.0.0.52", "/api/v1/search?q=piano"))).isEqualTo(200);
        given().get("/api/v1/search?q=piano").then().statusCode(200);
    }

    @Test
    void hammeringTheFreeTimeSearchDirectlyIsLimitedByBookingServiceItself() throws Exception {
        int port = URI.create(PlatformResource.bookingUrl).getPort();
        String body = "{\"instructorIds\": [\"" + UUID.randomUUID() + "\"], \"from\": \"2031-05-05\", \"to\": \"2031-05-06\"}";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            try (RawHttp client = RawHttp.connect(port, "127.0.0.53")) {
                statuses.add(RawHttp.status(client.send(RawHttp.post("/api/v1/availability/search", body))
                        .readUntilClosed(Duration.ofSeconds(10))));
            }
        }
        assertThat(statuses.subList(0, 120)).containsOnly(200);
        assertThat(statuses).contains(429);
        given().contentType("application/json").body(body).post("/api/v1/availability/search").then().statusCode(200);
    }

    private static String get(int port, String from, String path) throws Exception {
        try (RawHttp client = RawHttp.connect(port, from)) {
            return client.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .readUntilClosed(Duration.ofSeconds(10));
        }
    }
}
