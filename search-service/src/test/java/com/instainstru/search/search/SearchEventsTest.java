package com.instainstru.search.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import com.instainstru.search.readmodel.CatalogSnapshot;
import com.instainstru.search.support.Streams;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every search and click reaches search-events (through the outbox), with who searched when signed in. */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class SearchEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Redis redis;

    @Inject
    CatalogSnapshot snapshot;

    @BeforeEach
    void catalog() {
        TestCatalogLoader.ensureLoaded(redis, snapshot);
    }

    private Optional<JsonNode> event(String type, String field, String value) {
        return Streams.envelopes(redis, "search-events").stream().map(SearchEventsTest::read)
                .filter(e -> type.equals(e.path("type").asText()) && value.equals(e.path("payload").path(field).asText()))
                .findFirst();
    }

    private static JsonNode read(String envelope) {
        try {
            return JSON.readTree(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSearchIsPublishedWithWhatWasUnderstoodAndFound() {
        java.time.Instant asked = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String searchId = given().queryParam("q", "guitar under $90 " + UUID.randomUUID().toString().substring(0, 6))
                .get("/api/v1/search").then().statusCode(200).extract().path("searchId");
        java.time.Instant answered = java.time.Instant.now();
        JsonNode event = await().atMost(Duration.ofSeconds(10)).until(() -> event("search.performed", "searchId", searchId),
                Optional::isPresent).orElseThrow();
        JsonNode p = event.path("payload");
        assertThat(event.path("source").asText()).isEqualTo("search-service");
        assertThat(p.path("query").asText()).startsWith("guitar under $90");
        assertThat(p.path("parsed").path("maxPrice").asInt()).isEqualTo(90);
        assertThat(p.path("matchKind").asText()).isNotBlank();
        assertThat(p.path("resultCount").isNumber()).isTrue();
        assertThat(p.path("latencyMs").asDouble()).isPositive();
        assertThat(p.path("userId").isNull()).isTrue();
        // The time of the search, not of the batch that wrote it to the outbox afterwards.
        assertThat(java.time.Instant.parse(event.path("occurredAt").asText())).isBetween(asked, answered);
    }

    @Test
    void aSignedInSearchCarriesTheUserAndABadTokenIsRefused() {
        UUID student = UUID.randomUUID();
        String searchId = given().auth().oauth2(Tokens.student(student)).queryParam("q", "yoga")
                .get("/api/v1/search").then().statusCode(200).extract().path("searchId");
        JsonNode event = await().atMost(Duration.ofSeconds(10)).until(() -> event("search.performed", "searchId", searchId),
                Optional::isPresent).orElseThrow();
        assertThat(event.path("payload").path("userId").asText()).isEqualTo(student.toString());

        for (String bad : List.of(Tokens.expired(student, "student"), Tokens.signedByAnotherKey(student, "student"),
                Tokens.unsigned(student), Tokens.tampered(student))) {
            given().auth().oauth2(bad).queryParam("q", "yoga").get("/api/v1/search").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aClickIsPublishedAndABadOneIsAProblemThatRecordsNothing() {
        UUID searchId = UUID.randomUUID();
        UUID instructor = UUID.randomUUID();
        given().contentType("application/json").body(Map.of("searchId", searchId, "instructorId", instructor,
                "serviceId", UUID.randomUUID(), "position", 3)).post("/api/v1/search/clicks").then().statusCode(202);
        JsonNode click = await().atMost(Duration.ofSeconds(10)).until(
                () -> event("search.result-clicked", "searchId", searchId.toString()), Optional::isPresent).orElseThrow();
        assertThat(click.path("payload").path("instructorId").asText()).isEqualTo(instructor.toString());
        assertThat(click.path("payload").path("position").asInt()).isEqualTo(3);

        UUID rejected = UUID.randomUUID();
        given().contentType("application/json").body(Map.of("searchId", rejected, "instructorId", instructor,
                "serviceId", UUID.randomUUID(), "position", 0)).post("/api/v1/search/clicks").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{\"searchId\":\"" + rejected + "\",\"instructorId\":\"nope\"}")
                .post("/api/v1/search/clicks").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{").post("/api/v1/search/clicks").then().statusCode(400);
        // A valid click sent after the bad ones is published; by then a wrongly accepted one would be too.
        UUID later = UUID.randomUUID();
        given().contentType("application/json").body(Map.of("searchId", later, "instructorId", instructor,
                "serviceId", UUID.randomUUID(), "position", 1)).post("/api/v1/search/clicks").then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> event("search.result-clicked", "searchId", later.toString()),
                Optional::isPresent);
        assertThat(event("search.result-clicked", "searchId", rejected.toString())).isEmpty();
    }
}
