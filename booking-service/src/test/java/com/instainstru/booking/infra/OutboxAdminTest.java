package com.instainstru.booking.infra;

import static com.instainstru.booking.support.Fixtures.PROBLEM;
import static com.instainstru.booking.support.Fixtures.as;
import static com.instainstru.booking.support.Fixtures.soon;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.booking.support.BookingStream;
import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After Redis lost booking-events, an admin republishes it from the outbox: the events come back as they were
 * (same envelopes, each once, in the outbox's order: the order of their ids, which for bookings made at the same moment
 * in concurrent transactions may differ from the order their commits were first published in). Only admins may, and
 * only with a valid point in time.
 */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
@ExtendWith(OpenApiContract.class)
class OutboxAdminTest {

    private static final String REPUBLISH = "/api/v1/bookings/admin/outbox/republish";

    @Inject
    RedisDataSource redis;

    @Inject
    Pool pool;

    @Test
    void aRepublishFromBeforeABurstBringsBackEveryBookingOnceInOrderAfterTheStreamIsLost() {
        LocalDate day = soon(8);
        List<Teacher> teachers = Fixtures.teachersTeaching(3, day, "09:00-15:00");
        OffsetDateTime beforeBurst = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Set<String> booked = Fixtures.burst(teachers, day, "09:00", "10:00", "11:00", "12:00", "13:00", "14:00");
        assertThat(booked).hasSize(18);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                BookingStream.created(about(teachers)).containsAll(booked) && pendingEvents() == 0);
        List<JsonNode> published = about(teachers);
        assertThat(BookingStream.created(published)).as("each booking once").doesNotHaveDuplicates().hasSize(18);

        redis.key().del(BookingStream.NAME);
        assertThat(BookingStream.all(redis)).isEmpty();

        String from = as(Tokens.admin()).queryParam("since", beforeBurst.toString()).post(REPUBLISH).then()
                .statusCode(200).body("events", greaterThanOrEqualTo(18)).extract().path("since");
        assertThat(OffsetDateTime.parse(from)).isEqualTo(beforeBurst);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                BookingStream.created(about(teachers)).containsAll(booked) && pendingEvents() == 0);

        List<JsonNode> republished = about(teachers);
        assertThat(BookingStream.created(republished)).as("every booking once")
                .containsExactlyInAnyOrderElementsOf(BookingStream.created(published));
        List<JsonNode> sinceFrom = published.stream()
                .filter(e -> !OffsetDateTime.parse(e.get("occurredAt").asText()).isBefore(beforeBurst))
                .toList();
        assertThat(republished).as("the same events since `since`, not new ones").containsExactlyInAnyOrderElementsOf(sinceFrom);
    }

    @Test
    void onlyAnAdminWithAPointInTimeMayRepublishAndARefusalRepublishesNothing() {
        String yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingSince(yesterday) == 0);
        as(Tokens.student(UUID.randomUUID())).queryParam("since", yesterday).post(REPUBLISH).then()
                .statusCode(403).contentType(PROBLEM);
        as(Tokens.instructor(UUID.randomUUID())).queryParam("since", yesterday).post(REPUBLISH).then()
                .statusCode(403).contentType(PROBLEM);
        given().queryParam("since", yesterday).post(REPUBLISH).then().statusCode(401).contentType(PROBLEM);
        for (String bad : List.of("yesterday", "2026-13-01T00:00:00Z", "2026-12-01T06:00:00", "2026-12-01", " ")) {
            as(Tokens.admin()).queryParam("since", bad).post(REPUBLISH).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("since"));
        }
        as(Tokens.admin()).post(REPUBLISH).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("since"));
        assertThat(pendingSince(yesterday)).as("no event marked for publishing again").isZero();
    }

    /** Every event in the stream about these instructors, oldest first. */
    private List<JsonNode> about(List<Teacher> teachers) {
        Set<String> ids = Set.copyOf(teachers.stream().map(t -> t.id().toString()).toList());
        return BookingStream.all(redis).stream()
                .filter(e -> ids.contains(e.path("payload").path("instructorId").asText()))
                .toList();
    }

    private long pendingEvents() {
        return pool.query("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").execute()
                .await().indefinitely().iterator().next().getLong(0);
    }

    private long pendingSince(String from) {
        return pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND created_at >= $1")
                .execute(Tuple.of(OffsetDateTime.parse(from))).await().indefinitely().iterator().next().getLong(0);
    }
}
