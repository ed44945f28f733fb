package com.instainstru.catalog.infra;

import com.instainstru.platform.test.RedisServerResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Runs the service against a private Redis that the test can stop and restart. */
public class RedisOutageProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisServerResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
