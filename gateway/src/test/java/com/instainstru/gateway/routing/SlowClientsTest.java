package com.instainstru.gateway.routing;

import static com.instainstru.gateway.support.Api.as;
import static com.instainstru.gateway.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.gateway.support.PlatformProfile;
import com.instainstru.platform.test.RawHttp;
import com.instainstru.platform.test.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue 12, kept: twelve anonymous connections send the headers and half the body of the
 * public free-time search, then stall. Before, each stalled call ran into booking-service's 5 s timeout,
 * counted as booking-service's failure and opened its circuit breaker: bookings were 503 for everyone while
 * booking-service was fine. Now the body is read before the service is asked, so the stalled clients get
 * their own 408 and booking routes answer throughout (against the real booking-service).
 */
@QuarkusTest
@TestProfile(PlatformProfile.class)
class SlowClientsTest {

    private static final int STALLED = 12;

    @Test
    void stalledBodiesAreChargedToTheirClientsNotToTheService() throws Exception {
        String body = "{\"instructorIds\": [\"" + UUID.randomUUID() + "\"], \"from\": \"2030-01-07\", \"to\": \"2030-01-08\"}";
        String request = RawHttp.post("/api/v1/availability/search", body);
        String half = request.substring(0, request.length() - body.length() / 2);
        List<RawHttp> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                stalled.add(RawHttp.connect(RestAssured.port, "127.0.0.1").send(half));
            }
            // Well past booking-service's timeout (5 s): the moment the breaker used to open.
            List<String> wrong = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            String student = Tokens.student(UUID.randomUUID());
            int calls = 0;
            while (System.nanoTime() < until) {
                record(wrong, "GET availability", json().get("/api/v1/availability/" + UUID.randomUUID()).statusCode());
                record(wrong, "GET bookings", as(student).get("/api/v1/bookings").statusCode());
                record(wrong, "POST availability/search", json().body(body).post("/api/v1/availability/search").statusCode());
                calls += 3;
                Thread.sleep(200);
            }
            assertThat(wrong).as("of %d calls to booking routes", calls).isEmpty();
            // The stalled clients are answered by the gateway's body timeout (10 s), each with its own 408.
            for (RawHttp client : stalled) {
                String answer = client.readUntilClosed(Duration.ofSeconds(8));
                assertThat(RawHttp.status(answer)).as(answer).isEqualTo(408);
                assertThat(answer).contains("application/problem+json");
            }
            as(student).get("/api/v1/bookings").then().statusCode(200);
        } finally {
            for (RawHttp client : stalled) {
                client.close();
            }
        }
    }

    private static void record(List<String> wrong, String call, int status) {
        if (status != 200) {
            wrong.add(call + ": " + status);
        }
    }
}
