package com.instainstru.catalog.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.catalog.support.Api;
import com.instainstru.catalog.support.StreamEnvelopes;
import com.instainstru.platform.test.RedisServerResource;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With Redis stopped, writes still succeed and reads still answer; the events follow, in order, once it is back. */
@QuarkusTest
@TestProfile(RedisOutageProfile.class)
@ExtendWith(OpenApiContract.class)
class RedisOutageTest {

    @Inject
    RedisDataSource redis;

    @Inject
    Pool pool;

    @Test
    void changesMadeWhileRedisIsDownAreDeliveredInOrderWhenItReturns() throws Exception {
        UUID me = Api.newInstructor("Before Outage");
        UUID service = Api.newCatalogService("music", true);
        RedisServerResource.stopRedis();
        try {
            for (int i = 1; i <= 5; i++) {
                Api.as(Tokens.instructor(me)).body(Map.of("name", "During Outage " + i)).put("/api/v1/instructors/me")
                        .then().statusCode(200);
            }
            Api.offer(me, service, "77");
            given().get("/api/v1/instructors/" + me).then().statusCode(200).body("name", equalTo("During Outage 5"));
            given().get("/api/v1/catalog/categories").then().statusCode(200);
            Thread.sleep(1500);
            long pending = pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL "
                            + "AND envelope LIKE $1").execute(Tuple.of("%" + me + "%")).await().indefinitely()
                    .iterator().next().getLong(0);
            assertThat(pending).isEqualTo(6);
        } finally {
            RedisServerResource.startRedis();
        }

        List<JsonNode> delivered = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> eventsAbout(me), events -> events.size() >= 6);
        assertThat(delivered).extracting(e -> e.get("type").asText()).containsExactly("instructor.upserted",
                "instructor.upserted", "instructor.upserted", "instructor.upserted", "instructor.upserted",
                "offering.upserted");
        assertThat(delivered.subList(0, 5)).extracting(e -> e.get("payload").get("name").asText()).containsExactly(
                "During Outage 1", "During Outage 2", "During Outage 3", "During Outage 4", "During Outage 5");
        // Once it is back the cache works again and shows the latest state.
        given().get("/api/v1/instructors/" + me).then().statusCode(200).body("name", equalTo("During Outage 5"))
                .body("offerings[0].hourlyRate", equalTo(77.0f));
    }

    private List<JsonNode> eventsAbout(UUID instructor) {
        return redis.stream(String.class).xrange("catalog-events", StreamRange.of("-", "+")).stream()
                .map(m -> StreamEnvelopes.read(m.payload().get("envelope")))
                .filter(e -> instructor.toString().equals(e.get("payload").path("instructorId").asText()))
                .toList();
    }
}
