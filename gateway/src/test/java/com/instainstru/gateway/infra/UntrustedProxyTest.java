package com.instainstru.gateway.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client that is not a trusted proxy cannot pick its address by sending {@code X-Forwarded-For}: all its
 * requests count against its own address, whatever they claim (compare {@link TrustedProxyTest}).
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.OtherProxy.class)
class UntrustedProxyTest {

    public static class OtherProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TrustedProxyTest.behindProxy("192.0.2.10");
        }
    }

    @Test
    void forwardedAddressesFromAnUntrustedClientAreIgnored() {
        java.util.List<Integer> statuses = TrustedProxyTest.fromDifferentClients(TrustedProxyTest.PER_IP + 3);
        assertThat(statuses.subList(0, TrustedProxyTest.PER_IP)).doesNotContain(429);
        assertThat(statuses.subList(TrustedProxyTest.PER_IP, statuses.size()))
                .as("the one real address is over its limit").containsOnly(429);
    }
}
