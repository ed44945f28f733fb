package com.instainstru.gateway.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Redis unreachable leaves the gateway ready: its rate limiter fails open, and every pod leaving the Service
 * at once on a Redis blip would be an outage of its own making ({@link PoolOutageReadinessTest}: the other way).
 */
@QuarkusTest
@TestProfile(RedisOutageReadinessTest.NoRedis.class)
class RedisOutageReadinessTest {

    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1", "quarkus.redis.timeout", "500ms");
        }
    }

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void theGatewayStaysReadyAndStillAnswers() {
        given().port(managementPort).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1/auth/me").then().statusCode(401);
    }
}
