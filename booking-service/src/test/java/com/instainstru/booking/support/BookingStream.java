package com.instainstru.booking.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** What booking-service has published on booking-events, read back from Redis. */
public final class BookingStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BookingStream() {
    }

    /** The envelopes (oldest first) among the latest {@code depth} entries whose payload names the instructor. */
    public static List<JsonNode> about(RedisDataSource redis, UUID instructor, int depth) {
        List<JsonNode> result = new ArrayList<>();
        redis.stream(String.class).xrevrange("booking-events", StreamRange.of("+", "-"), depth).forEach(m -> {
            try {
                JsonNode e = JSON.readTree(m.payload().get("envelope"));
                if (instructor.toString().equals(e.get("payload").path("instructorId").asText())) {
                    result.add(e);
                }
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        Collections.reverse(result);
        return result;
    }

    public static List<JsonNode> about(RedisDataSource redis, UUID instructor) {
        return about(redis, instructor, 500);
    }

    /** The payloads of one type, oldest first. */
    public static List<JsonNode> payloads(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asText().equals(type)).map(e -> e.get("payload")).toList();
    }
}
