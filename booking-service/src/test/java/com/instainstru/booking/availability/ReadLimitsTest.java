package com.instainstru.booking.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * booking-service limits its expensive public reads per client itself (issue 12: the services had no limits of
 * their own), with small limits here: 5 bookable-times reads at once, 3 free-time searches. Clients are
 * loopback addresses (127.0.0.x) spoken to over raw sockets; the gateway's forwarded address counts only with
 * its signed assertion.
 */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
@TestProfile(ReadLimitsTest.SmallLimits.class)
@ExtendWith(OpenApiContract.class)
class ReadLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("read-limits.reads.availability.burst", "5",
                    "read-limits.reads.availability.per-second", "0.5",
                    "read-limits.reads.free-time-search.burst", "3",
                    "read-limits.reads.free-time-search.per-second", "0.2");
        }
    }

    private static final String SEARCH = "{\"instructorIds\": [\"" + UUID.randomUUID() + "\"], \"from\": \"2031-03-03\", "
            + "\"to\": \"2031-03-04\"}";

    @Test
    void aClientGetsA429WithRetryAfterOnceItsBurstIsSpentAndOthersGoOn() throws Exception {
        String availability = "GET /api/v1/availability/" + UUID.randomUUID() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(status(send("127.0.0.21", availability)));
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429, 429);
        String refused = send("127.0.0.21", availability);
        assertThat(refused).contains("application/problem+json").contains("Retry-After: ").contains("\"status\":429");
        assertThat(status(send("127.0.0.22", availability))).isEqualTo(200);
        // The free-time search has its own, smaller, limit.
        List<Integer> searches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            searches.add(status(send("127.0.0.21", post(SEARCH, Map.of()))));
        }
        assertThat(searches).containsExactly(200, 200, 200, 429);
    }

    @Test
    void aForwardedAddressCountsOnlyWithTheGatewaysAssertion() throws Exception {
        // A direct caller naming a new client each time is still one client: its own address.
        List<Integer> forged = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            forged.add(status(send("127.0.0.31", post(SEARCH, Map.of("X-Forwarded-For", "10.1.1." + i)))));
        }
        assertThat(forged).containsExactly(200, 200, 200, 429);
        // The gateway (signed assertion) passing on many clients from one address: each is counted alone.
        String assertion = Jwt.issuer("instainstru").subject("gateway").expiresIn(300).sign();
        for (int i = 0; i < 6; i++) {
            assertThat(status(send("127.0.0.32", post(SEARCH, Map.of("X-Forwarded-For", "10.2.2." + i,
                    "X-Gateway-Assertion", assertion))))).isEqualTo(200);
        }
        // A forged assertion does not count as the gateway's.
        String forgedAssertion = assertion.substring(0, assertion.length() - 4) + "AAAA";
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            refused.add(status(send("127.0.0.33", post(SEARCH, Map.of("X-Forwarded-For", "10.3.3." + i,
                    "X-Gateway-Assertion", forgedAssertion)))));
        }
        assertThat(refused).containsExactly(200, 200, 200, 429);
    }

    private static String post(String body, Map<String, String> headers) {
        StringBuilder request = new StringBuilder("POST /api/v1/availability/search HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return request.append("\r\n").append(body).toString();
    }

    private static String send(String fromAddress, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 2000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
