package com.instainstru.notification.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * The events notification-service reads, as their producers write them (the envelope of every stream: id, type,
 * occurredAt, source, version, payload), added to the tests' Redis streams with XADD.
 */
@ApplicationScoped
public class Streams {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Redis redis;

    public static ObjectNode envelope(String type, Instant occurredAt, Map<String, Object> payload) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("source", type.startsWith("user.") ? "gateway" : "booking-service");
        envelope.put("version", 1);
        envelope.set("payload", JSON.valueToTree(payload));
        return envelope;
    }

    public void publish(String stream, ObjectNode envelope) {
        redis.send(Request.cmd(Command.XADD).arg(stream).arg("*").arg("type").arg(envelope.path("type").asText())
                .arg("envelope").arg(envelope.toString())).await().atMost(Duration.ofSeconds(5));
    }

    /** A user as the gateway announces them at sign-up; answers the user. */
    public Person register(String name, String role) {
        Person person = new Person(UUID.randomUUID(), role + "-" + UUID.randomUUID() + "@notification.instainstru.test", name);
        publish("user-events", envelope("user.registered", Instant.now(), Map.of("userId", person.id().toString(),
                "email", person.email(), "name", name, "roles", java.util.List.of(role))));
        return person;
    }

    /** A user who chose a time zone at sign-up, as the gateway announces them; answers the user. */
    public Person register(String name, String role, String timeZone) {
        Person person = new Person(UUID.randomUUID(), role + "-" + UUID.randomUUID() + "@notification.instainstru.test", name);
        publish("user-events", envelope("user.registered", Instant.now(), Map.of("userId", person.id().toString(),
                "email", person.email(), "name", name, "roles", java.util.List.of(role), "timeZone", timeZone)));
        return person;
    }

    /** The user changed their name and time zone on their account ({@code user.updated}); answers them renamed. */
    public Person update(Person person, String name, String timeZone) {
        publish("user-events", envelope("user.updated", Instant.now(), Map.of("userId", person.id().toString(),
                "email", person.email(), "name", name, "roles", java.util.List.of("student"), "timeZone", timeZone)));
        return new Person(person.id(), person.email(), name);
    }

    /** A lesson of a student with an instructor, as booking-service describes it. */
    public record Lesson(UUID bookingId, Person student, Person instructor, Instant start, int minutes) {

        public static Lesson of(Person student, Person instructor, Instant start, int minutes) {
            return new Lesson(UUID.randomUUID(), student, instructor, start.truncatedTo(ChronoUnit.SECONDS), minutes);
        }

        public ObjectNode created() {
            Map<String, Object> payload = new java.util.HashMap<>(fields());
            payload.put("serviceName", "Piano");
            payload.put("timeZone", "America/Chicago");
            return envelope("booking.created", Instant.now(), payload);
        }

        public ObjectNode cancelled(String by, boolean late) {
            Map<String, Object> payload = new java.util.HashMap<>(fields());
            payload.put("cancelledBy", by);
            payload.put("late", late);
            payload.put("reason", "a cold");
            return envelope("booking.cancelled", Instant.now(), payload);
        }

        /** The lesson moved to {@code start} (a new booking id); the event and the new lesson. */
        public Lesson movedTo(Instant newStart) {
            return new Lesson(UUID.randomUUID(), student, instructor, newStart.truncatedTo(ChronoUnit.SECONDS), minutes);
        }

        public ObjectNode rescheduledTo(Lesson moved) {
            Map<String, Object> payload = new java.util.HashMap<>(moved.fields());
            payload.put("previousBookingId", bookingId.toString());
            payload.put("previousStartTime", start.toString());
            payload.put("previousEndTime", start.plus(Duration.ofMinutes(minutes)).toString());
            return envelope("booking.rescheduled", Instant.now(), payload);
        }

        private Map<String, Object> fields() {
            Map<String, Object> fields = new java.util.HashMap<>(Map.of("bookingId", bookingId.toString(),
                    "studentId", student.id().toString(), "instructorId", instructor.id().toString(),
                    "offeringId", UUID.randomUUID().toString(), "serviceId", UUID.randomUUID().toString(),
                    "startTime", start.toString(), "endTime", start.plus(Duration.ofMinutes(minutes)).toString(),
                    "durationMinutes", minutes, "hourlyRate", "60.00", "totalPrice", "60.00"));
            fields.put("locationType", "online");
            return fields;
        }
    }

    public record Person(UUID id, String email, String name) {
    }
}
