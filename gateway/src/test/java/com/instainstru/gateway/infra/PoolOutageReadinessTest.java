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
 * PostgreSQL unreachable through the reactive pool, which serves the requests, takes the gateway out of
 * rotation and says why; Flyway's JDBC datasource (which still reaches the database here) is not what decides.
 */
@QuarkusTest
@TestProfile(PoolOutageReadinessTest.NoPool.class)
class PoolOutageReadinessTest {

    public static class NoPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/unreachable");
        }
    }

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void theGatewayIsNotReadyAndSaysWhy() {
        given().port(managementPort).get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'PostgreSQL (reactive pool)' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'PostgreSQL (reactive pool)' }.data.error", org.hamcrest.Matchers.notNullValue());
    }
}
