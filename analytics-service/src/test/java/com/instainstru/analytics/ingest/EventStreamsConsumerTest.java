package com.instainstru.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.instainstru.analytics.support.Events;
import com.instainstru.analytics.support.Events.Booking;
import com.instainstru.platform.streams.StreamConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The consumer group's guarantees as analytics relies on them: entries a dead pod left are reclaimed, unreadable
 * ones do not block, an event is applied once, and applying one again (past the consumer's memory) changes nothing.
 */
@QuarkusTest
class EventStreamsConsumerTest {

    @Inject
    Events events;

    @Inject
    Redis redis;

    @Inject
    Pool pool;

    @Inject
    StreamConsumer consumer;

    @Test
    void anEntryLeftPendingByADeadPodIsReclaimedAndApplied() {
        UUID service = UUID.randomUUID();
        Booking booking = Booking.of(service, UUID.randomUUID(), UUID.randomUUID(), "2019-05-05T15:00:00Z", 60, "60");
        ObjectNode created = booking.created("2019-05-01T12:00:00Z");
        // Atomically: added, then taken by "dead-pod", which never acknowledges it.
        List<Response> replies = redis.batch(List.of(Request.cmd(Command.MULTI),
                Request.cmd(Command.XADD).arg("booking-events").arg("*").arg("type").arg("booking.created")
                        .arg("envelope").arg(created.toString()),
                Request.cmd(Command.XREADGROUP).arg("GROUP").arg(consumer.group()).arg("dead-pod")
                        .arg("COUNT").arg(1000).arg("STREAMS").arg("booking-events").arg(">"),
                Request.cmd(Command.EXEC))).await().atMost(Duration.ofSeconds(5));
        String entryId = replies.get(replies.size() - 1).get(0).toString();

        await().atMost(Duration.ofSeconds(20)).until(() -> bookingStored(booking.bookingId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> !pending("booking-events", entryId));
    }

    @Test
    void anEntryThatIsNoEnvelopeIsAcknowledgedAndSkipped() {
        String entryId = redis.send(Request.cmd(Command.XADD).arg("search-events").arg("*").arg("envelope").arg("{not json"))
                .await().atMost(Duration.ofSeconds(5)).toString();
        ObjectNode after = Events.search("2019-05-02T12:00:00Z", "after the bad one", "none", 0, 5);
        events.publish("search-events", after);

        await().atMost(Duration.ofSeconds(20)).until(() -> logged(UUID.fromString(after.get("id").asText())));
        assertThat(pending("search-events", entryId)).isFalse();
    }

    @Test
    void anEventOfAnUnknownTypeIsLoggedAndChangesNoFact() {
        ObjectNode unknown = Events.envelope("booking.teleported", java.time.OffsetDateTime.parse("2019-05-03T12:00:00Z"),
                java.util.Map.of("bookingId", UUID.randomUUID().toString(), "newField", 1));
        assertThat(events.ingest("booking-events", unknown)).isTrue();
        assertThat(events.ingest("booking-events", unknown)).isFalse(); // the redelivery is recognised
        assertThat(logged(UUID.fromString(unknown.get("id").asText()))).isTrue();
    }

    @Test
    void aMalformedPayloadIsKeptInTheLogButAppliesNothing() {
        UUID booking = UUID.randomUUID();
        ObjectNode bad = Events.envelope("booking.created", java.time.OffsetDateTime.parse("2019-05-03T12:00:00Z"),
                java.util.Map.of("bookingId", booking.toString(), "serviceId", "not-a-uuid", "instructorId", "x"));
        assertThat(events.ingest("booking-events", bad)).isTrue();
        assertThat(bookingStored(booking)).isFalse();
    }

    @Test
    void anEnvelopeWithoutAValidTimeIsSkippedOnceAndForAll() {
        ObjectNode timeless = Events.search("2019-05-04T12:00:00Z", "no time", "none", 0, 5);
        timeless.put("occurredAt", "yesterday");
        String entryId = redis.send(Request.cmd(Command.XADD).arg("search-events").arg("*").arg("type")
                .arg("search.performed").arg("envelope").arg(timeless.toString())).await().atMost(Duration.ofSeconds(5)).toString();
        UUID id = UUID.fromString(timeless.get("id").asText());

        await().atMost(Duration.ofSeconds(20)).until(() -> processed(id));
        assertThat(pending("search-events", entryId)).as("acknowledged, not retried").isFalse();
        assertThat(logged(id)).isFalse();
    }

    @Test
    void anEventAppliedAgainAfterItsIdWasForgottenChangesNoFact() {
        Booking booking = Booking.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "2019-05-06T15:00:00Z", 60, "70");
        Booking moved = booking.movedTo("2019-05-07T15:00:00Z");
        List<ObjectNode> history = List.of(booking.created("2019-05-01T12:00:00Z"),
                booking.rescheduledTo(moved, "2019-05-02T12:00:00Z"), moved.cancelled("2019-05-03T12:00:00Z", true));
        history.forEach(event -> assertThat(events.ingest("booking-events", event)).isTrue());
        List<String> facts = bookingFacts(booking.bookingId(), moved.bookingId());

        // Past the consumer's memory (streams.processed-retention) a replay is applied again: the same facts.
        UUID[] ids = history.stream().map(e -> UUID.fromString(e.get("id").asText())).toArray(UUID[]::new);
        pool.preparedQuery("DELETE FROM processed_event WHERE event_id = ANY($1)").execute(Tuple.of(ids))
                .await().atMost(Duration.ofSeconds(5));
        history.forEach(event -> assertThat(events.ingest("booking-events", event)).isTrue());

        assertThat(bookingFacts(booking.bookingId(), moved.bookingId())).isEqualTo(facts);
        assertThat(pool.preparedQuery("SELECT count(*) FROM event_log WHERE event_id = ANY($1)").execute(Tuple.of(ids))
                .await().indefinitely().iterator().next().getLong(0)).isEqualTo(3);
    }

    private List<String> bookingFacts(UUID... bookings) {
        return pool.preparedQuery("SELECT to_jsonb(b)::text FROM booking_fact b WHERE booking_id = ANY($1) ORDER BY booking_id")
                .execute(Tuple.of(bookings)).await().indefinitely().stream().map(row -> row.getString(0)).toList();
    }

    private boolean processed(UUID event) {
        return pool.preparedQuery("SELECT 1 FROM processed_event WHERE event_id = $1").execute(Tuple.of(event))
                .await().indefinitely().size() == 1;
    }

    private boolean bookingStored(UUID booking) {
        return pool.preparedQuery("SELECT 1 FROM booking_fact WHERE booking_id = $1").execute(Tuple.of(booking))
                .await().indefinitely().size() == 1;
    }

    private boolean logged(UUID event) {
        return pool.preparedQuery("SELECT 1 FROM event_log WHERE event_id = $1").execute(Tuple.of(event))
                .await().indefinitely().size() == 1;
    }

    private boolean pending(String stream, String entryId) {
        Response reply = redis.send(Request.cmd(Command.XPENDING).arg(stream).arg(consumer.group())
                .arg(entryId).arg(entryId).arg(1)).await().atMost(Duration.ofSeconds(5));
        return reply != null && reply.size() > 0;
    }
}
