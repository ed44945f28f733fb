package com.instainstru.search.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * search-service limits searches per client itself (issue 12: 100 direct searches in 0.19 s, no 429), here 4 at
 * once and then one every 5 s. Clients are loopback addresses (127.0.0.x) over raw sockets; an address the
 * gateway forwards counts only with the gateway's signed assertion.
 */
@QuarkusTest
@TestProfile(ReadLimitsTest.SmallLimits.class)
class ReadLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("read-limits.reads.search.burst", "4", "read-limits.reads.search.per-second", "0.2");
        }
    }

    @Test
    void aClientGetsA429WithRetryAfterOnceItsBurstIsSpentAndOthersGoOn() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(status(search("127.0.0.41", Map.of())));
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429);
        String refused = search("127.0.0.41", Map.of());
        assertThat(refused).contains("application/problem+json").contains("Retry-After: ").contains("\"status\":429");
        assertThat(status(search("127.0.0.42", Map.of()))).isEqualTo(200);
    }

    @Test
    void aForwardedAddressCountsOnlyWithTheGatewaysAssertion() throws Exception {
        List<Integer> forged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            forged.add(status(search("127.0.0.43", Map.of("X-Forwarded-For", "10.4.4." + i))));
        }
        assertThat(forged).containsExactly(200, 200, 200, 200, 429);
        String assertion = Jwt.issuer("instainstru").subject("gateway").expiresIn(300).sign();
        for (int i = 0; i < 8; i++) {
            assertThat(status(search("127.0.0.44", Map.of("X-Forwarded-For", "10.5.5." + i,
                    "X-Gateway-Assertion", assertion)))).isEqualTo(200);
        }
    }

    private static String search(String fromAddress, Map<String, String> headers) throws IOException {
        StringBuilder request = new StringBuilder("GET /api/v1/search?q=piano HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 2000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
