package com.instainstru.catalog.instructor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.catalog.support.Api;
import com.instainstru.catalog.support.StreamEnvelopes;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writes of one profile at the same moment: each is saved (and announced once) or refused with a 409 problem
 * (another request changed it first), never a 500 and never a saved change without its event.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class ProfileConcurrencyTest {

    private static final int WRITERS = 8;

    @Inject
    Pool pool;

    @Test
    void simultaneousProfileWritesAreEachSavedAndAnnouncedOrRefusedWithA409() throws Exception {
        UUID me = UUID.randomUUID();
        List<Response> creates = all(me, "Racer create ");
        assertThat(creates).allSatisfy(ProfileConcurrencyTest::savedOrConflict);
        assertThat(creates).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        List<Response> replaces = all(me, "Racer replace ");
        assertThat(replaces).allSatisfy(ProfileConcurrencyTest::savedOrConflict);
        assertThat(replaces).anySatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));

        List<Response> saved = new ArrayList<>(creates);
        saved.addAll(replaces);
        saved.removeIf(r -> r.statusCode() >= 300);
        List<JsonNode> events = upsertedEvents(me);
        assertThat(events).hasSize(saved.size());
        assertThat(events).extracting(e -> e.get("version").asLong())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(0, saved.size()).boxed().toList());
        JsonNode last = events.stream().max(Comparator.comparingLong(e -> e.get("version").asLong())).orElseThrow();
        given().get("/api/v1/instructors/" + me).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo(last.get("name").asText()))
                .body("version", org.hamcrest.Matchers.equalTo(last.get("version").asInt()));
    }

    private static void savedOrConflict(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isIn(200, 201, 409);
        if (r.statusCode() == 409) {
            assertThat(r.contentType()).startsWith(Api.PROBLEM);
        }
    }

    /** The payloads of the instructor.upserted events written for the instructor. */
    private List<JsonNode> upsertedEvents(UUID instructor) {
        List<JsonNode> payloads = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT envelope FROM outbox_event WHERE type = 'instructor.upserted' "
                + "AND envelope LIKE $1 ORDER BY id").execute(Tuple.of("%" + instructor + "%")).await().indefinitely()) {
            payloads.add(StreamEnvelopes.read(row.getString("envelope")).get("payload"));
        }
        return payloads;
    }

    /** WRITERS puts of the profile, released at the same moment. */
    private static List<Response> all(UUID me, String namePrefix) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                String name = namePrefix + i;
                futures.add(threads.submit((Callable<Response>) () -> {
                    start.await();
                    return Api.as(Tokens.instructor(me)).body(Map.of("name", name, "areas", List.of("Harlem")))
                            .put("/api/v1/instructors/me");
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
