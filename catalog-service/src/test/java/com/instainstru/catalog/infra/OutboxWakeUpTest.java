package com.instainstru.catalog.infra;

import static org.awaitility.Awaitility.await;

import com.instainstru.catalog.demo.DemoDataGenerator;
import com.instainstru.catalog.support.Api;
import com.instainstru.catalog.support.StreamEnvelopes;
import com.instainstru.platform.test.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With the relay's periodic round switched off, a committed change still reaches the stream at once: the
 * transaction that wrote the event notified the relay, whether it was written through the Hibernate session
 * (a profile) or on a plain SQL connection (demo data). Nobody wakes the relay by hand.
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.NoPeriodicRelay.class)
class OutboxWakeUpTest {

    /** The relay runs only when a commit notifies it (and once at start). */
    public static class NoPeriodicRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbox.interval", "off");
        }
    }

    @Inject
    RedisDataSource redis;

    @Test
    void aChangeWrittenThroughTheSessionIsPublishedOnCommit() {
        UUID me = Api.newInstructor("Notified Teacher");
        await().atMost(Duration.ofSeconds(5)).until(() -> inStream(me));
        Api.as(Tokens.instructor(me)).body(Map.of("name", "Notified Again", "areas", java.util.List.of("Harlem")))
                .put("/api/v1/instructors/me").then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> inStream("Notified Again"));
    }

    @Test
    void rowsWrittenOnASqlConnectionArePublishedOnCommit() {
        long seed = System.nanoTime();
        Api.as(Tokens.admin()).body(Map.of("instructors", 2, "seed", seed)).post("/api/v1/admin/demo-data")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> inStream(DemoDataGenerator.instructorId(seed, 1)));
    }

    private boolean inStream(Object text) {
        return redis.stream(String.class).xrevrange("catalog-events", StreamRange.of("+", "-"), 50).stream()
                .map(m -> StreamEnvelopes.read(m.payload().get("envelope")).toString())
                .anyMatch(e -> e.contains(text.toString()));
    }
}
