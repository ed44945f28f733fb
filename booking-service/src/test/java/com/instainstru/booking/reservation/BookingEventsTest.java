package com.instainstru.booking.reservation;

import static com.instainstru.booking.support.Fixtures.as;
import static com.instainstru.booking.support.Fixtures.at;
import static com.instainstru.booking.support.Fixtures.book;
import static com.instainstru.booking.support.Fixtures.publish;
import static com.instainstru.booking.support.Fixtures.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.booking.support.BookingStream;
import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import com.instainstru.platform.test.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The booking-events contract (docs/ARCHITECTURE.md), read back from the Redis stream. */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
class BookingEventsTest {

    @Inject
    RedisDataSource redis;

    @Test
    void availabilityAndEveryBookingStepReachTheStream() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(4);
        publish(t.id(), day, "09:00-12:00");
        UUID student = UUID.randomUUID();
        String id = book(student, t, at(day, "09:00"), 30).then().statusCode(201).extract().path("id");
        String moved = as(Tokens.student(student)).body(Map.of("startTime", at(day, "10:00").toString()))
                .post("/api/v1/bookings/" + id + "/reschedule").then().statusCode(200).extract().path("id");
        as(Tokens.instructor(t.id())).body(Map.of("reason", "ill")).post("/api/v1/bookings/" + moved + "/cancel")
                .then().statusCode(200);

        List<JsonNode> events = await().atMost(Duration.ofSeconds(10)).until(() -> BookingStream.about(redis, t.id()), e -> e.size() >= 4);
        assertThat(events).extracting(e -> e.get("type").asText()).containsSubsequence("availability.changed",
                "booking.created", "booking.rescheduled", "booking.cancelled");
        JsonNode availability = payload(events, "availability.changed");
        assertThat(availability.get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(availability.get("dates").get(0).get("windows").get(0).get("start").asText()).isEqualTo("09:00");
        JsonNode created = payload(events, "booking.created");
        for (String field : List.of("bookingId", "studentId", "instructorId", "offeringId", "serviceId", "startTime",
                "endTime", "durationMinutes", "hourlyRate", "totalPrice", "locationType")) {
            assertThat(created.has(field)).as(field).isTrue();
        }
        assertThat(created.get("totalPrice").decimalValue()).isEqualByComparingTo("30");
        for (String type : List.of("booking.created", "booking.rescheduled", "booking.cancelled")) {
            assertThat(payload(events, type).get("currency").asText()).as("the currency beside the amounts of " + type)
                    .isEqualTo("USD");
        }
        // The instructor's time is taken until the end of their buffer (none here): search frees it from then on.
        assertThat(java.time.OffsetDateTime.parse(created.get("blockedUntil").asText()).toInstant())
                .isEqualTo(at(day, "09:30").toInstant());
        JsonNode rescheduled = payload(events, "booking.rescheduled");
        assertThat(rescheduled.has("blockedUntil")).isTrue();
        assertThat(java.time.OffsetDateTime.parse(rescheduled.get("previousStartTime").asText()).toInstant())
                .isEqualTo(at(day, "09:00").toInstant());
        assertThat(payload(events, "booking.rescheduled").get("previousBookingId").asText()).isEqualTo(id);
        JsonNode cancelled = payload(events, "booking.cancelled");
        assertThat(cancelled.get("cancelledBy").asText()).isEqualTo("instructor");
        assertThat(cancelled.has("late")).isTrue();
        assertThat(events.get(0).get("source").asText()).isEqualTo("booking-service");
    }

    private static JsonNode payload(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asText().equals(type)).findFirst().orElseThrow().get("payload");
    }
}
