package com.instainstru.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The gateway in front of stub services (see {@link StubServices}). */
public class StubProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StubServices.class));
    }
}
