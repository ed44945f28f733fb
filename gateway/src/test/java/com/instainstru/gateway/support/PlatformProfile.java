package com.instainstru.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The gateway in front of the real services (see {@link PlatformResource}). */
public class PlatformProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PlatformResource.class));
    }
}
