package com.instainstru.booking.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** What booking-service has published on booking-events, read back from Redis. */
public final class BookingStream {

    public static final String NAME = "booking-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BookingStream() {
    }

    /** The envelopes (oldest first) among the latest {@code depth} entries whose payload names the instructor. */
    public static List<JsonNode> about(RedisDataSource redis, UUID instructor, int depth) {
        List<JsonNode> result = new ArrayList<>(envelopes(redis.stream(String.class)
                .xrevrange(NAME, StreamRange.of("+", "-"), depth)));
        result.removeIf(e -> !instructor.toString().equals(e.get("payload").path("instructorId").asText()));
        Collections.reverse(result);
        return result;
    }

    public static List<JsonNode> about(RedisDataSource redis, UUID instructor) {
        return about(redis, instructor, 500);
    }

    /** Every envelope in the stream, oldest first. */
    public static List<JsonNode> all(RedisDataSource redis) {
        return envelopes(redis.stream(String.class).xrange(NAME, StreamRange.of("-", "+")));
    }

    /** The envelopes of stream entries, in their order. */
    public static List<JsonNode> envelopes(List<StreamMessage<String, String, String>> messages) {
        List<JsonNode> envelopes = new ArrayList<>(messages.size());
        for (StreamMessage<String, String, String> m : messages) {
            try {
                envelopes.add(JSON.readTree(m.payload().get("envelope")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return envelopes;
    }

    /** The payloads of one type, oldest first. */
    public static List<JsonNode> payloads(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asText().equals(type)).map(e -> e.get("payload")).toList();
    }

    /** The ids of the bookings created in these events, in their order (repeats kept). */
    public static List<String> created(List<JsonNode> events) {
        return payloads(events, "booking.created").stream().map(p -> p.path("bookingId").asText()).toList();
    }
}
