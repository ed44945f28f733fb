package com.instainstru.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The gateway with a real notification-service and its MailDev ({@link NotificationResource}), and account links
 * that live {@value #LINK_TTL_SECONDS} seconds, so that a test sees them expire.
 */
public class NotificationProfile implements QuarkusTestProfile {

    public static final int LINK_TTL_SECONDS = 6;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.account-links.verify-ttl", "PT" + LINK_TTL_SECONDS + "S",
                "gateway.account-links.reset-ttl", "PT" + LINK_TTL_SECONDS + "S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(NotificationResource.class));
    }
}
