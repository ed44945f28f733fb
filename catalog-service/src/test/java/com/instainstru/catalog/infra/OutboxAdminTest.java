package com.instainstru.catalog.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.catalog.support.Api;
import com.instainstru.catalog.support.StreamEnvelopes;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After Redis lost catalog-events (a restart without its files, a FLUSHALL), an admin republishes the kept
 * outbox events from a point in time: every one is in the stream again, in the original order.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class OutboxAdminTest {

    private static final String STREAM = "catalog-events";
    private static final String REPUBLISH = "/api/v1/catalog/admin/outbox/republish";

    @Inject
    RedisDataSource redis;

    @Inject
    Pool pool;

    @Test
    void aLostStreamIsWholeAgainAfterARepublishInTheOriginalOrder() {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        UUID service = Api.newCatalogService("music", true);
        UUID me = Api.newInstructor("Republished Teacher");
        UUID offering = Api.offer(me, service, "55");
        Api.as(Tokens.instructor(me)).body(Map.of("name", "Republished Again", "areas", List.of("Harlem")))
                .put("/api/v1/instructors/me").then().statusCode(200);
        Api.setStatus(me, "pause");
        Api.as(Tokens.instructor(me)).delete("/api/v1/instructors/me/services/" + offering).then().statusCode(204);
        List<String> written = outboxEventsSince(from);
        assertThat(written).hasSize(6);
        await().atMost(Duration.ofSeconds(10)).until(() -> streamIds().containsAll(written));
        assertThat(streamIds()).containsSubsequence(written);
        awaitNothingPending();

        redis.key().del(STREAM);
        assertThat(streamIds()).isEmpty();

        given().header("Authorization", "Bearer " + Tokens.admin()).queryParam("since", from.toString())
                .post(REPUBLISH).then().statusCode(200)
                .body("events", equalTo(written.size()));
        assertThat(await().atMost(Duration.ofSeconds(10)).until(this::streamIds, ids -> ids.size() >= written.size()))
                .containsExactlyElementsOf(written);
        assertThat(streamTypes()).containsExactly("catalog-service.upserted", "instructor.upserted", "offering.upserted",
                "instructor.upserted", "instructor.status-changed", "offering.removed");
    }

    @Test
    void theAnswerSaysHowFarBackEventsAreKeptAndALaterFromRepublishesNothing() {
        Api.newInstructor("Kept Teacher");
        awaitNothingPending();
        OffsetDateTime future = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
        OffsetDateTime oldest = pool.query("SELECT min(created_at) FROM outbox_event").execute().await().indefinitely()
                .iterator().next().getOffsetDateTime(0);
        String shown = given().header("Authorization", "Bearer " + Tokens.admin()).queryParam("since", future.toString())
                .post(REPUBLISH).then().statusCode(200)
                .body("events", equalTo(0))
                .extract().path("oldestKept");
        assertThat(OffsetDateTime.parse(shown).toInstant()).isEqualTo(oldest.toInstant());
        assertThat(pending()).isZero();
    }

    @Test
    void aMissingOrMalformedFromIsA400ThatChangesNothing() {
        Api.newInstructor("Unchanged Teacher");
        awaitNothingPending();
        long streamLength = redis.stream(String.class).xlen(STREAM);
        for (String bad : new String[] {"", "yesterday", "2026-03-01", "2026-03-01T10:00:00", "2026-13-01T10:00:00Z"}) {
            given().header("Authorization", "Bearer " + Tokens.admin()).queryParam("since", bad).post(REPUBLISH).then()
                    .statusCode(400).contentType(Api.PROBLEM)
                    .body("errors[0].field", equalTo("since"));
        }
        given().header("Authorization", "Bearer " + Tokens.admin()).post(REPUBLISH).then()
                .statusCode(400).contentType(Api.PROBLEM).body("errors[0].field", equalTo("since"));
        assertThat(pending()).isZero();
        assertThat(redis.stream(String.class).xlen(STREAM)).isEqualTo(streamLength);
    }

    @Test
    void onlyAnAdminMayRepublish() {
        Api.newInstructor("Not An Admin");
        awaitNothingPending();
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString();
        for (String token : new String[] {Tokens.instructor(UUID.randomUUID()), Tokens.student(UUID.randomUUID())}) {
            given().header("Authorization", "Bearer " + token).queryParam("since", from).post(REPUBLISH).then()
                    .statusCode(403).contentType(Api.PROBLEM);
        }
        given().queryParam("since", from).post(REPUBLISH).then().statusCode(401).contentType(Api.PROBLEM);
        assertThat(pending()).isZero();
    }

    private List<String> outboxEventsSince(OffsetDateTime from) {
        List<String> ids = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT event_id FROM outbox_event WHERE created_at >= $1 ORDER BY id")
                .execute(Tuple.of(from)).await().indefinitely()) {
            ids.add(row.getUUID(0).toString());
        }
        return ids;
    }

    private List<String> streamIds() {
        return redis.stream(String.class).xrange(STREAM, StreamRange.of("-", "+")).stream()
                .map(m -> StreamEnvelopes.read(m.payload().get("envelope")).path("id").asText()).toList();
    }

    private List<String> streamTypes() {
        return redis.stream(String.class).xrange(STREAM, StreamRange.of("-", "+")).stream()
                .map(m -> m.payload().get("type")).toList();
    }

    private long pending() {
        return pool.query("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").execute().await().indefinitely()
                .iterator().next().getLong(0);
    }

    private void awaitNothingPending() {
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
    }
}
