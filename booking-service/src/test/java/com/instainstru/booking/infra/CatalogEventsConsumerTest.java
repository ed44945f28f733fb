package com.instainstru.booking.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** booking-service follows catalog-events: applied once, acknowledged after commit, tolerant of the unknown. */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
@ExtendWith(OpenApiContract.class)
class CatalogEventsConsumerTest {

    @Inject
    RedisDataSource redis;

    @Inject
    Pool pool;

    @Test
    void anInstructorsNewTimeZoneInCatalogReachesTheirAvailability() {
        Fixtures.Teacher t = Fixtures.teacher();
        Fixtures.publish(t.id(), Fixtures.soon(4), "09:00-12:00");
        given().get("/api/v1/availability/" + t.id()).then().statusCode(200)
                .body("timeZone", org.hamcrest.Matchers.equalTo("America/New_York"));

        Fixtures.catalog(Tokens.instructor(t.id())).body(Map.of("name", "Moved West", "areas", List.of("Manhattan"),
                "timeZone", "America/Chicago")).put("/api/v1/instructors/me").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> "America/Chicago".equals(
                given().get("/api/v1/availability/" + t.id()).then().extract().path("timeZone")));
    }

    private String zoneOf(UUID instructor) {
        return pool.preparedQuery("SELECT time_zone FROM instructor_settings WHERE instructor_id = $1")
                .execute(Tuple.of(instructor)).await().indefinitely().iterator().next().getString(0);
    }

    private static String envelope(UUID eventId, UUID instructor, String zone, String occurredAt) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"instructor.upserted\",\"occurredAt\":\"" + occurredAt
                + "\",\"source\":\"catalog-service\",\"version\":1,\"payload\":{\"instructorId\":\"" + instructor
                + "\",\"timeZone\":\"" + zone + "\"}}";
    }

    @Test
    void aRedeliveryChangesNothingAndAnOlderEventDoesNotOverwriteANewerOne() {
        UUID instructor = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO instructor_settings (instructor_id, time_zone) VALUES ($1, 'America/New_York')")
                .execute(Tuple.of(instructor)).await().indefinitely();
        UUID first = UUID.randomUUID();
        var stream = redis.stream(String.class);
        stream.xadd("catalog-events", Map.of("envelope", envelope(first, instructor, "America/Denver", "2026-11-26T10:00:00Z")));
        await().atMost(Duration.ofSeconds(60)).until(() -> "America/Denver".equals(zoneOf(instructor)));

        // Someone changes the zone behind the consumer's back; the same event delivered again must not undo it.
        pool.preparedQuery("UPDATE instructor_settings SET time_zone = 'Europe/Paris' WHERE instructor_id = $1")
                .execute(Tuple.of(instructor)).await().indefinitely();
        stream.xadd("catalog-events", Map.of("envelope", envelope(first, instructor, "America/Denver", "2026-11-26T10:00:00Z")));
        // An older event with a new id, and two invalid ones: none may change anything, all are acknowledged.
        stream.xadd("catalog-events", Map.of("envelope", envelope(UUID.randomUUID(), instructor, "Asia/Tokyo", "2026-11-26T09:00:00Z")));
        stream.xadd("catalog-events", Map.of("envelope", envelope(UUID.randomUUID(), instructor, "Mars/Olympus", "2026-11-26T11:00:00Z")));
        stream.xadd("catalog-events", Map.of("envelope", envelope(UUID.randomUUID(), instructor, "UTC", "2026-11-26T11:00:00Z")
                .replace(instructor.toString(), "not-a-uuid")));
        UUID marker = UUID.randomUUID();
        stream.xadd("catalog-events", Map.of("envelope", "{\"id\":\"" + marker + "\",\"type\":\"marker\",\"payload\":{}}"));
        await().atMost(Duration.ofSeconds(60)).until(() -> pool.preparedQuery(
                        "SELECT count(*) FROM processed_event WHERE event_id = $1").execute(Tuple.of(marker))
                .await().indefinitely().iterator().next().getLong(0) == 1);
        assertThat(zoneOf(instructor)).isEqualTo("Europe/Paris");

        // A newer valid event applies.
        stream.xadd("catalog-events", Map.of("envelope", envelope(UUID.randomUUID(), instructor, "America/Chicago", "2026-11-26T12:00:00Z")));
        await().atMost(Duration.ofSeconds(60)).until(() -> "America/Chicago".equals(zoneOf(instructor)));
        await().atMost(Duration.ofSeconds(30)).until(() -> redis.stream(String.class)
                .xpending("catalog-events", "booking-service").getPendingCount() == 0);
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndEveryEntryIsAcknowledged() {
        UUID instructor = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO instructor_settings (instructor_id, time_zone) VALUES ($1, 'America/New_York')")
                .execute(Tuple.of(instructor)).await().indefinitely();
        UUID eventId = UUID.randomUUID();
        String envelope = "{\"id\":\"" + eventId + "\",\"type\":\"instructor.upserted\",\"occurredAt\":\"2026-11-26T10:00:00Z\","
                + "\"source\":\"catalog-service\",\"version\":1,\"newField\":true,\"payload\":{\"instructorId\":\""
                + instructor + "\",\"timeZone\":\"America/Denver\",\"somethingNew\":[1,2]}}";
        var stream = redis.stream(String.class);
        stream.xadd("catalog-events", Map.of("type", "instructor.upserted", "envelope", envelope));
        stream.xadd("catalog-events", Map.of("type", "instructor.upserted", "envelope", envelope));
        stream.xadd("catalog-events", Map.of("type", "something.new", "envelope", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"type\":\"something.new\",\"payload\":{}}"));
        stream.xadd("catalog-events", Map.of("type", "broken", "envelope", "not json at all"));

        await().atMost(Duration.ofSeconds(60)).until(() -> "America/Denver".equals(pool.preparedQuery(
                        "SELECT time_zone FROM instructor_settings WHERE instructor_id = $1").execute(Tuple.of(instructor))
                .await().indefinitely().iterator().next().getString(0)));
        long applied = pool.preparedQuery("SELECT count(*) FROM processed_event WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getLong(0);
        assertThat(applied).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> redis.stream(String.class)
                .xpending("catalog-events", "booking-service").getPendingCount() == 0);
    }
}
