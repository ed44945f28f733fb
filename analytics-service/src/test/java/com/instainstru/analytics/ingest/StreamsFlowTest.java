package com.instainstru.analytics.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.instainstru.analytics.support.Events;
import com.instainstru.analytics.support.Events.Booking;
import com.instainstru.platform.streams.StreamConsumer;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole way through Redis: producers' events on booking-events, search-events and catalog-events →
 * the consumer group stores them once → a job run → service-analytics.updated on analytics-events, read
 * by a consumer group as catalog-service and search-service read it.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class StreamsFlowTest {

    @Inject
    Events events;

    @Inject
    Redis redis;

    @Inject
    Pool pool;

    @Inject
    StreamConsumer consumer;

    @Inject
    ObjectMapper json;

    @Test
    void eventsInRunOutAndAConsumerSeesThem() throws Exception {
        String consumerGroup = "test-consumer-" + UUID.randomUUID();
        redis.send(Request.cmd(Command.XGROUP).arg("CREATE").arg("analytics-events").arg(consumerGroup).arg("$")
                .arg("MKSTREAM")).await().atMost(Duration.ofSeconds(5));

        UUID service = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ObjectNode catalog = Events.catalogService(service, "flow-" + service, "Flow lessons", now.minusDays(3).toString());
        Booking first = Booking.of(service, UUID.randomUUID(), UUID.randomUUID(), now.plusDays(2).toString(), 60, "55");
        Booking second = Booking.of(service, UUID.randomUUID(), UUID.randomUUID(), now.plusDays(3).toString(), 30, "30");
        ObjectNode firstCreated = first.created(now.minusHours(2).toString());
        ObjectNode search = Events.search(now.minusHours(3).toString(), "flow lessons", "service", 2, 15, service);
        List<ObjectNode> all = List.of(catalog, firstCreated, second.created(now.minusHours(1).toString()), search);
        events.publish("catalog-events", catalog);
        events.publish("booking-events", firstCreated);
        events.publish("booking-events", firstCreated); // a producer's relay that crashed before marking it sent
        events.publish("booking-events", all.get(2));
        events.publish("search-events", search);

        await().atMost(Duration.ofSeconds(20)).until(() -> stored(all) == all.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingCount("booking-events") == 0);

        String runId = given().auth().oauth2(Tokens.admin()).when().post("/api/v1/analytics/jobs/service-analytics/runs")
                .then().statusCode(202).extract().path("id");

        JsonNode published = await().atMost(Duration.ofSeconds(30)).until(() -> readAsConsumer(consumerGroup, runId),
                event -> event != null);
        assertThat(published.get("source").asText()).isEqualTo("analytics-service");
        assertThat(published.get("type").asText()).isEqualTo("service-analytics.updated");
        JsonNode ours = null;
        for (JsonNode s : published.at("/payload/services")) {
            if (s.get("serviceId").asText().equals(service.toString())) {
                ours = s;
            }
        }
        assertThat(ours).as("our service in the event").isNotNull();
        assertThat(ours.get("bookings30d").asInt()).isEqualTo(2); // the duplicate counted once
        assertThat(ours.get("searches30d").asInt()).isEqualTo(1);
        assertThat(ours.get("currency").asText()).as("the currency beside the prices").isEqualTo("USD");
        assertThat(ours.get("popularity").asDouble()).isBetween(0.0, 1.0);
        assertThat(ours.get("demandScore").asDouble()).isBetween(0.0, 100.0);
        assertThat(published.at("/payload/asOf").asText()).isNotEmpty();

        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/analytics/services/" + service).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Flow lessons"))
                .body("bookings7d", org.hamcrest.Matchers.equalTo(2))
                .body("runId", org.hamcrest.Matchers.equalTo(runId));
    }

    private long stored(List<ObjectNode> envelopes) {
        UUID[] ids = envelopes.stream().map(e -> UUID.fromString(e.get("id").asText())).toArray(UUID[]::new);
        return pool.preparedQuery("SELECT count(*) FROM event_log WHERE event_id = ANY($1)").execute(Tuple.of(ids))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private long pendingCount(String stream) {
        Response summary = redis.send(Request.cmd(Command.XPENDING).arg(stream).arg(consumer.group()))
                .await().atMost(Duration.ofSeconds(5));
        return summary.get(0).toLong();
    }

    /** Reads the group's new entries, acknowledging each, and returns the event of the run (or null). */
    private JsonNode readAsConsumer(String group, String runId) throws Exception {
        Response reply = redis.send(Request.cmd(Command.XREADGROUP).arg("GROUP").arg(group).arg("test")
                .arg("COUNT").arg(100).arg("STREAMS").arg("analytics-events").arg(">")).await().atMost(Duration.ofSeconds(5));
        List<JsonNode> seen = new ArrayList<>();
        if (reply != null) {
            for (Response stream : reply) {
                for (Response entry : stream.get(1)) {
                    Response fields = entry.get(1);
                    for (int i = 0; i + 1 < fields.size(); i += 2) {
                        if ("envelope".equals(fields.get(i).toString())) {
                            seen.add(json.readTree(fields.get(i + 1).toString()));
                        }
                    }
                    redis.send(Request.cmd(Command.XACK).arg("analytics-events").arg(group).arg(entry.get(0).toString()))
                            .await().atMost(Duration.ofSeconds(5));
                }
            }
        }
        return seen.stream().filter(e -> runId.equals(e.at("/payload/runId").asText())).findFirst().orElse(null);
    }
}
