package com.instainstru.booking.reservation;

import static com.instainstru.booking.support.Fixtures.at;
import static com.instainstru.booking.support.Fixtures.book;
import static com.instainstru.booking.support.Fixtures.publish;
import static com.instainstru.booking.support.Fixtures.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import com.instainstru.platform.test.RedisServerResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bookings made while Redis is stopped succeed, and their events follow in order once it is back. */
@QuarkusTest
@TestProfile(RedisOutageTest.PrivateRedis.class)
class RedisOutageTest {

    public static class PrivateRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisServerResource.class), new TestResourceEntry(CatalogServiceResource.class));
        }
    }

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Test
    void bookingEventsWaitInTheOutboxUntilRedisReturns() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(5);
        publish(t.id(), day, "09:00-13:00");
        RedisServerResource.stopRedis();
        try {
            for (String time : List.of("09:00", "10:00", "11:00", "12:00")) {
                book(UUID.randomUUID(), t, at(day, time), 60).then().statusCode(201);
            }
        } finally {
            RedisServerResource.startRedis();
        }
        List<JsonNode> created = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> createdFor(t.id()), events -> events.size() >= 4);
        assertThat(created).extracting(e -> at(day, "09:00").toInstant().until(
                        java.time.OffsetDateTime.parse(e.get("payload").get("startTime").asText()).toInstant(),
                        java.time.temporal.ChronoUnit.HOURS))
                .containsExactly(0L, 1L, 2L, 3L);
    }

    private List<JsonNode> createdFor(UUID instructor) {
        return redis.stream(String.class).xrange("booking-events", StreamRange.of("-", "+")).stream()
                .map(m -> read(m.payload().get("envelope")))
                .filter(e -> e.get("type").asText().equals("booking.created")
                        && instructor.toString().equals(e.get("payload").path("instructorId").asText()))
                .toList();
    }

    private JsonNode read(String envelope) {
        try {
            return json.readTree(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
