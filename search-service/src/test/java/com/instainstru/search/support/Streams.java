package com.instainstru.search.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes events the way catalog-service, booking-service and analytics-service do (one envelope
 * per stream entry), into the Redis database search's tests use; and reads search-events back.
 */
public final class Streams {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Streams() {
    }

    public static UUID publish(Redis redis, String stream, String type, Map<String, ?> payload) {
        return publish(redis, stream, UUID.randomUUID(), type, Instant.now(), payload);
    }

    public static UUID publish(Redis redis, String stream, UUID eventId, String type, Instant occurredAt,
            Map<String, ?> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId.toString());
        envelope.put("type", type);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("source", "tests");
        envelope.put("version", 1);
        envelope.put("payload", payload);
        try {
            redis.send(Request.cmd(Command.XADD).arg(stream).arg("*").arg("type").arg(type)
                    .arg("envelope").arg(JSON.writeValueAsString(envelope))).await().atMost(Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    /** The envelopes (as JSON text) of a stream's entries. */
    public static List<String> envelopes(Redis redis, String stream) {
        Response entries = redis.send(Request.cmd(Command.XRANGE).arg(stream).arg("-").arg("+"))
                .await().atMost(Duration.ofSeconds(5));
        List<String> out = new ArrayList<>();
        if (entries != null) {
            for (Response entry : entries) {
                Response fields = entry.get(1);
                for (int i = 0; i + 1 < fields.size(); i += 2) {
                    if ("envelope".equals(fields.get(i).toString())) {
                        out.add(fields.get(i + 1).toString());
                    }
                }
            }
        }
        return out;
    }
}
