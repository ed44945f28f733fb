package com.instainstru.analytics.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.instainstru.platform.streams.StreamConsumer;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds event envelopes as the producers write them, and feeds them to the service (directly or by stream). */
@ApplicationScoped
public class Events {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    Pool pool;

    @Inject
    StreamConsumer consumer;

    @Inject
    Redis redis;

    /** An envelope with a fresh id. */
    public static ObjectNode envelope(String type, OffsetDateTime at, Map<String, ?> payload) {
        return envelope(UUID.randomUUID(), type, at, payload);
    }

    public static ObjectNode envelope(UUID id, String type, OffsetDateTime at, Map<String, ?> payload) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id.toString());
        node.put("type", type);
        node.put("occurredAt", at.toInstant().toString());
        node.put("source", "test");
        node.put("version", 1);
        node.set("payload", JSON.valueToTree(payload));
        return node;
    }

    /** Applies the envelope as the stream consumer does (same code, without Redis); false: its id was seen before. */
    public boolean ingest(String stream, JsonNode envelope) {
        return consumer.applyOnce(stream, envelope).await().atMost(Duration.ofSeconds(10));
    }

    /** XADDs the envelope to the stream, as a producer's outbox relay does. */
    public void publish(String stream, JsonNode envelope) {
        redis.send(Request.cmd(Command.XADD).arg(stream).arg("*").arg("type").arg(envelope.get("type").asText())
                .arg("envelope").arg(envelope.toString())).await().atMost(Duration.ofSeconds(5));
    }

    /** Deletes the facts of a year that only one test class writes (left by an earlier run of it). */
    public void forgetYear(int year) {
        OffsetDateTime from = OffsetDateTime.parse(year + "-01-01T00:00:00Z");
        OffsetDateTime to = from.plusYears(1);
        pool.preparedQuery("DELETE FROM booking_fact WHERE coalesce(booked_at, start_time, cancelled_at) >= $1 "
                + "AND coalesce(booked_at, start_time, cancelled_at) < $2").execute(io.vertx.mutiny.sqlclient.Tuple.of(from, to))
                .chain(() -> pool.preparedQuery("DELETE FROM search_fact WHERE occurred_at >= $1 AND occurred_at < $2")
                        .execute(io.vertx.mutiny.sqlclient.Tuple.of(from, to)))
                .chain(() -> pool.preparedQuery("DELETE FROM instructor_ref WHERE first_seen_at >= $1 AND first_seen_at < $2")
                        .execute(io.vertx.mutiny.sqlclient.Tuple.of(from, to)))
                .await().atMost(Duration.ofSeconds(10));
    }

    // --- payloads -------------------------------------------------------------------------------

    /** A booking as booking-service describes it. */
    public record Booking(UUID bookingId, UUID studentId, UUID instructorId, UUID serviceId, OffsetDateTime startTime,
            int durationMinutes, BigDecimal totalPrice) {

        public static Booking of(UUID service, UUID student, UUID instructor, String start, int minutes, String price) {
            return new Booking(UUID.randomUUID(), student, instructor, service, OffsetDateTime.parse(start), minutes,
                    new BigDecimal(price));
        }

        public Booking movedTo(String start) {
            return new Booking(UUID.randomUUID(), studentId, instructorId, serviceId, OffsetDateTime.parse(start),
                    durationMinutes, totalPrice);
        }

        public Map<String, Object> payload() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("bookingId", bookingId.toString());
            p.put("studentId", studentId.toString());
            p.put("instructorId", instructorId.toString());
            p.put("offeringId", UUID.randomUUID().toString());
            p.put("serviceId", serviceId.toString());
            p.put("startTime", startTime.toString());
            p.put("endTime", startTime.plusMinutes(durationMinutes).toString());
            p.put("durationMinutes", durationMinutes);
            p.put("hourlyRate", totalPrice.multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(durationMinutes),
                    2, java.math.RoundingMode.HALF_UP));
            p.put("totalPrice", totalPrice);
            p.put("locationType", "online");
            return p;
        }

        public ObjectNode created(String at) {
            return envelope("booking.created", OffsetDateTime.parse(at), payload());
        }

        public ObjectNode cancelled(String at, boolean late) {
            Map<String, Object> p = payload();
            p.put("cancelledBy", "student");
            p.put("late", late);
            p.put("reason", "test");
            return envelope("booking.cancelled", OffsetDateTime.parse(at), p);
        }

        public ObjectNode completed(String at) {
            return concluded("booking.completed", at);
        }

        public ObjectNode noShow(String at) {
            return concluded("booking.no-show", at);
        }

        private ObjectNode concluded(String type, String at) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("bookingId", bookingId.toString());
            p.put("studentId", studentId.toString());
            p.put("instructorId", instructorId.toString());
            p.put("serviceId", serviceId.toString());
            p.put("startTime", startTime.toString());
            p.put("totalPrice", totalPrice);
            return envelope(type, OffsetDateTime.parse(at), p);
        }

        /** booking.rescheduled from this booking to {@code next}. */
        public ObjectNode rescheduledTo(Booking next, String at) {
            Map<String, Object> p = next.payload();
            p.put("previousBookingId", bookingId.toString());
            return envelope("booking.rescheduled", OffsetDateTime.parse(at), p);
        }
    }

    /** search.performed by a signed-in user ({@code user}; null: anonymous). */
    public static ObjectNode searchBy(UUID user, String at, String query, String matchKind, int results, UUID... services) {
        ObjectNode envelope = search(at, query, matchKind, results, 5, services);
        ((ObjectNode) envelope.get("payload")).put("userId", user == null ? null : user.toString());
        return envelope;
    }

    public static ObjectNode search(String at, String query, String matchKind, int results, double latencyMs,
            UUID... services) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("searchId", UUID.randomUUID().toString());
        p.put("query", query);
        p.put("parsed", Map.of("serviceText", query));
        p.put("matchKind", matchKind);
        p.put("serviceIds", List.of(services).stream().map(UUID::toString).toList());
        p.put("resultCount", results);
        p.put("latencyMs", latencyMs);
        p.put("userId", null);
        return envelope("search.performed", OffsetDateTime.parse(at), p);
    }

    public static ObjectNode catalogService(UUID id, String slug, String name, String at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("serviceId", id.toString());
        p.put("slug", slug);
        p.put("name", name);
        p.put("categorySlug", "music");
        p.put("categoryName", "Music");
        p.put("searchTerms", List.of(slug));
        p.put("relatedSlugs", List.of());
        p.put("onlineCapable", true);
        p.put("active", true);
        return envelope("catalog-service.upserted", OffsetDateTime.parse(at), p);
    }

    public static ObjectNode instructor(UUID id, String name, String at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("instructorId", id.toString());
        p.put("name", name);
        p.put("timeZone", "America/New_York");
        p.put("areas", List.of("Brooklyn"));
        p.put("teachesOnline", true);
        p.put("status", "active");
        return envelope("instructor.upserted", OffsetDateTime.parse(at), p);
    }
}
