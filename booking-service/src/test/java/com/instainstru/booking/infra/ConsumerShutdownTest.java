package com.instainstru.booking.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.instainstru.platform.streams.StreamConsumer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a pod's stream consumer does once shutting down begins (the platform's consumer observes Quarkus's
 * ShutdownEvent and calls {@code stopReading}): it reads no new entry, so entries stay in the stream for the
 * pods that remain, instead of being taken by a pod about to stop. Its own application (it stops the consumer).
 */
@QuarkusTest
@TestProfile(ConsumerShutdownTest.OwnConsumer.class)
class ConsumerShutdownTest {

    public static class OwnConsumer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("streams.interval", "200ms", "streams.group", "shutdown-test-" + UUID.randomUUID());
        }
    }

    @Inject
    StreamConsumer consumer;

    @Inject
    RedisDataSource redis;

    @Test
    void onceShuttingDownNoNewEntryIsRead() {
        String stream = consumer.streams().get(0);
        String before = publish(stream);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(stream, before));

        consumer.stopReading();
        String after = publish(stream);
        // Ten of its ticks go by: the entry is neither delivered to the stopped consumer nor pending on it.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !delivered(stream, after));
        assertThat(lastDelivered(stream)).isEqualTo(before);
    }

    /** An event no handler acts on (an unknown type is skipped and acknowledged), in the outbox's envelope. */
    private String publish(String stream) {
        String envelope = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"shutdown-test.ignored\",\"occurredAt\":\"2026-12-02T00:00:00Z\",\"payload\":{}}";
        return redis.stream(String.class).xadd(stream, Map.of("envelope", envelope));
    }

    private boolean delivered(String stream, String id) {
        String last = lastDelivered(stream);
        return last != null && compareIds(last, id) >= 0;
    }

    /** The group's last-delivered-id, from XINFO GROUPS (a map per group in RESP3, flat pairs in RESP2). */
    private String lastDelivered(String stream) {
        for (Response group : redis.execute("XINFO", "GROUPS", stream)) {
            Map<String, String> fields = new HashMap<>();
            if (group.isMap()) {
                group.getKeys().forEach(key -> fields.put(key, String.valueOf(group.get(key))));
            } else {
                for (int i = 0; i + 1 < group.size(); i += 2) {
                    fields.put(group.get(i).toString(), String.valueOf(group.get(i + 1)));
                }
            }
            if (consumer.group().equals(fields.get("name"))) {
                return fields.get("last-delivered-id");
            }
        }
        return null;
    }

    private static int compareIds(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int c = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return c != 0 ? c : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }
}
