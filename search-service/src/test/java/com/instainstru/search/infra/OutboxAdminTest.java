package com.instainstru.search.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import com.instainstru.search.support.Streams;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After Redis lost search-events, an admin's republish puts every kept event back on the stream as it was (the
 * same envelopes: ids and the times of the searches and clicks), in the order it was written, each once. Only an
 * admin may, and only with a valid point in time; a refusal republishes nothing.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class OutboxAdminTest {

    private static final String REPUBLISH = "/api/v1/search/admin/outbox/republish";
    private static final String STREAM = "search-events";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Redis redis;

    @Inject
    Pool pool;

    @Test
    void aRepublishPutsTheSameEventsSinceThenBackOnTheStreamInOrder() {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<String> clicked = List.of(click(1), click(2), click(3));
        String searchId = given().queryParam("q", "oboe " + UUID.randomUUID().toString().substring(0, 6))
                .get("/api/v1/search").then().statusCode(200).extract().path("searchId");
        await().atMost(Duration.ofSeconds(20)).until(() -> searchIds().containsAll(clicked)
                && searchIds().contains(searchId) && pendingCount() == 0);
        List<JsonNode> published = sinceFrom(streamEnvelopes(), from);
        List<UUID> written = writtenSince(from);
        assertThat(published.stream().map(e -> UUID.fromString(e.get("id").asText())).toList())
                .as("the stream held what the outbox wrote since then, in its order").isEqualTo(written);

        redis.send(Request.cmd(Command.DEL).arg(STREAM)).await().atMost(Duration.ofSeconds(5)); // Redis lost it
        assertThat(streamEnvelopes()).isEmpty();

        given().auth().oauth2(Tokens.admin()).queryParam("since", from.toString())
                .when().post(REPUBLISH)
                .then().statusCode(200)
                .body("events", equalTo(written.size()))
                .body("oldestKept", notNullValue());

        await().atMost(Duration.ofSeconds(20)).until(() -> streamEnvelopes().size() >= written.size());
        List<JsonNode> republished = streamEnvelopes();
        assertThat(republished).as("the same envelopes, not new ones (ids, occurredAt of each search), in order, once")
                .isEqualTo(published);
        assertThat(searchIds()).containsSubsequence(clicked).contains(searchId);
    }

    @Test
    void onlyAnAdminWithAPointInTimeMayRepublishAndARefusalRepublishesNothing() {
        click(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingCount() == 0);
        Map<UUID, String> before = publishedTimes();
        String yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString();
        for (String token : List.of(Tokens.student(UUID.randomUUID()), Tokens.instructor(UUID.randomUUID()))) {
            given().auth().oauth2(token).queryParam("since", yesterday).when().post(REPUBLISH)
                    .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        }
        given().queryParam("since", yesterday).when().post(REPUBLISH)
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        for (String bad : List.of("yesterday", "2026-13-01T00:00:00Z", "2026-12-01T06:00:00", "2026-12-01", " ")) {
            given().auth().oauth2(Tokens.admin()).queryParam("since", bad).when().post(REPUBLISH)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("since"));
        }
        given().auth().oauth2(Tokens.admin()).when().post(REPUBLISH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("since"));
        // Events written meanwhile (a search logged late) may be published too; none published before is again.
        assertThat(publishedTimes()).as("no event marked for publishing again").containsAllEntriesOf(before);
    }

    /** Reports a click on a result of a search of its own; answers that search's id. */
    private static String click(int position) {
        UUID searchId = UUID.randomUUID();
        given().contentType("application/json").body(Map.of("searchId", searchId, "instructorId", UUID.randomUUID(),
                "serviceId", UUID.randomUUID(), "position", position)).post("/api/v1/search/clicks").then().statusCode(202);
        return searchId.toString();
    }

    /** The outbox's rows (oldest first) that match a condition: event id and when published (null: pending). */
    private List<Row> outbox(String condition, Object... values) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT event_id, published_at FROM outbox_event WHERE " + condition + " ORDER BY id")
                .execute(Tuple.from(values)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    private List<UUID> writtenSince(OffsetDateTime from) {
        return outbox("created_at >= $1", from).stream().map(row -> row.getUUID("event_id")).toList();
    }

    private long pendingCount() {
        return outbox("published_at IS NULL").size();
    }

    /** When each kept event was published, by its id: a republish would reset and renew them. */
    private Map<UUID, String> publishedTimes() {
        Map<UUID, String> times = new HashMap<>();
        outbox("true").forEach(row -> times.put(row.getUUID("event_id"), String.valueOf(row.getOffsetDateTime("published_at"))));
        return times;
    }

    private static List<JsonNode> sinceFrom(List<JsonNode> envelopes, OffsetDateTime from) {
        return envelopes.stream().filter(e -> !OffsetDateTime.parse(e.get("occurredAt").asText()).isBefore(from)).toList();
    }

    private List<String> searchIds() {
        return streamEnvelopes().stream().map(e -> e.at("/payload/searchId").asText()).toList();
    }

    private List<JsonNode> streamEnvelopes() {
        return Streams.envelopes(redis, STREAM).stream().map(OutboxAdminTest::read).toList();
    }

    private static JsonNode read(String envelope) {
        try {
            return JSON.readTree(envelope);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
