package com.instainstru.gateway.instructor;

import static com.instainstru.gateway.support.Api.PASSWORD;
import static com.instainstru.gateway.support.Api.json;
import static com.instainstru.gateway.support.Api.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.gateway.support.StubProfile;
import com.instainstru.gateway.support.StubServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing up as an instructor creates the catalog profile, at once or, if catalog-service refuses, later. */
@QuarkusTest
@TestProfile(StubProfile.class)
class InstructorProfilesTest {

    @Inject
    Pool db;

    @Test
    void theProfileIsCreatedAtSignUp() {
        String id = json().body(Map.of("email", uniqueEmail("teacher"), "password", PASSWORD, "role", "instructor",
                        "name", "Ada Park"))
                .post("/api/v1/auth/register").then().statusCode(201).body("instructorProfile", equalTo("created"))
                .extract().path("id");
        assertThat(StubServices.PROFILES.get(id)).isEqualTo("{\"name\":\"Ada Park\"}");
        assertThat(pending(id)).isZero();
    }

    @Test
    void aProfileCatalogCannotTakeIsKeptAndCreatedLater() {
        String id;
        StubServices.profilesRefused = true;
        try {
            id = json().body(Map.of("email", uniqueEmail("patient"), "password", PASSWORD, "role", "instructor",
                            "name", "Bo Ito"))
                    .post("/api/v1/auth/register").then().statusCode(201).body("instructorProfile", equalTo("pending"))
                    .extract().path("id");
            assertThat(pending(id)).isEqualTo(1);
            assertThat(StubServices.PROFILES).doesNotContainKey(id);
        } finally {
            StubServices.profilesRefused = false;
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(StubServices.PROFILES.get(id)).isEqualTo("{\"name\":\"Bo Ito\"}");
            assertThat(pending(id)).isZero();
        });
    }

    @Test
    void studentsGetNoProfile() {
        String id = json().body(Map.of("email", uniqueEmail("learner"), "password", PASSWORD, "role", "student",
                        "name", "Cy Dow"))
                .post("/api/v1/auth/register").then().statusCode(201).extract().path("id");
        assertThat(StubServices.PROFILES).doesNotContainKey(id);
        assertThat(pending(id)).isZero();
    }

    private long pending(String userId) {
        return db.preparedQuery("SELECT count(*) FROM pending_instructor_profiles WHERE user_id = $1::uuid")
                .execute(Tuple.of(userId)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
