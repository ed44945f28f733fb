package com.instainstru.gateway.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Behind a proxy the gateway believes {@code X-Forwarded-For} from its trusted proxies only
 * ({@code GATEWAY_TRUSTED_PROXIES}): here the tests' loopback address is trusted, so each forwarded client
 * has its own per-address limit. {@link UntrustedProxyTest}: the same requests from an address not trusted.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.TrustedLoopback.class)
class TrustedProxyTest {

    static final int PER_IP = 3;

    public static class TrustedLoopback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return behindProxy("127.0.0.1");
        }
    }

    static Map<String, String> behindProxy(String trusted) {
        return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true", "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", trusted, "gateway.rate-limit.per-ip", String.valueOf(PER_IP),
                "gateway.rate-limit.prefix", "gateway-test:proxy:" + UUID.randomUUID() + ":");
    }

    /** The statuses of requests, each forwarded for a different client address. */
    static List<Integer> fromDifferentClients(int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= requests; i++) {
            statuses.add(given().header("X-Forwarded-For", "203.0.113." + i).get("/api/v1/catalog/categories")
                    .then().extract().statusCode());
        }
        return statuses;
    }

    @Test
    void eachForwardedClientHasItsOwnLimit() {
        assertThat(fromDifferentClients(PER_IP + 3)).doesNotContain(429);
    }
}
