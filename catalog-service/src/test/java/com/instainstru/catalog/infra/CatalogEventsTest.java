package com.instainstru.catalog.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.catalog.support.Api;
import com.instainstru.catalog.support.StreamEnvelopes;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The catalog-events contract (docs/ARCHITECTURE.md): the envelope and the payload fields others rely on. */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class CatalogEventsTest {

    @Inject
    RedisDataSource redis;

    @Test
    void everyChangeReachesTheStreamInTheSharedEnvelope() throws Exception {
        UUID service = Api.newCatalogService("music", true);
        UUID me = Api.newInstructor("Event Source");
        UUID offering = Api.offer(me, service, "60");
        Api.setStatus(me, "pause");
        Api.as(Tokens.instructor(me)).delete("/api/v1/instructors/me/services/" + offering).then().statusCode(204);

        List<JsonNode> mine = await().atMost(Duration.ofSeconds(10)).until(() -> eventsAbout(me, service),
                events -> events.size() >= 5);
        assertThat(mine).extracting(e -> e.get("type").asText()).containsSubsequence(
                "catalog-service.upserted", "instructor.upserted", "offering.upserted", "instructor.status-changed",
                "offering.removed");
        for (JsonNode event : mine) {
            assertThat(event.fieldNames()).toIterable()
                    .contains("id", "type", "occurredAt", "source", "version", "payload");
            assertThat(event.get("source").asText()).isEqualTo("catalog-service");
            assertThat(UUID.fromString(event.get("id").asText())).isNotNull();
        }
        assertThat(payload(mine, "catalog-service.upserted").fieldNames()).toIterable().contains("serviceId", "slug",
                "name", "categorySlug", "categoryName", "searchTerms", "relatedSlugs", "onlineCapable", "active");
        assertThat(payload(mine, "instructor.upserted").fieldNames()).toIterable().contains("instructorId", "name",
                "bio", "yearsExperience", "timeZone", "areas", "teachesOnline", "status");
        JsonNode offered = payload(mine, "offering.upserted");
        assertThat(offered.fieldNames()).toIterable().contains("offeringId", "instructorId", "serviceId", "hourlyRate",
                "durationOptions", "levels", "ageGroups", "locationTypes", "active");
        assertThat(offered.get("hourlyRate").decimalValue()).isEqualByComparingTo("60");
        assertThat(offered.get("currency").asText()).as("the currency beside the rate").isEqualTo("USD");
        JsonNode status = payload(mine, "instructor.status-changed");
        assertThat(status.get("status").asText()).isEqualTo("suspended");
        assertThat(status.get("previousStatus").asText()).isEqualTo("active");
        assertThat(payload(mine, "offering.removed").get("offeringId").asText()).isEqualTo(offering.toString());
    }

    @Test
    void eachAggregatesEventsCarryAVersionThatRisesWithEveryChangeAndThePagesShowIt() {
        UUID service = Api.newCatalogService("music", true);
        UUID me = Api.newInstructor("Versioned");
        UUID offering = Api.offer(me, service, "60");
        Api.as(Tokens.instructor(me)).body(Api.offering(service, new java.math.BigDecimal("65")))
                .put("/api/v1/instructors/me/services/" + offering).then().statusCode(200);
        Api.as(Tokens.instructor(me)).body(java.util.Map.of("name", "Versioned Again", "areas", List.of("Harlem")))
                .put("/api/v1/instructors/me").then().statusCode(200);
        Api.setStatus(me, "pause");
        Api.setStatus(me, "resume");
        long shownOffering = io.restassured.RestAssured.given().get("/api/v1/instructors/" + me).then().statusCode(200)
                .extract().jsonPath().getLong("offerings[0].version");
        long shownInstructor = io.restassured.RestAssured.given().get("/api/v1/instructors/" + me).then()
                .extract().jsonPath().getLong("version");
        Api.as(Tokens.instructor(me)).delete("/api/v1/instructors/me/services/" + offering).then().statusCode(204);

        List<JsonNode> mine = await().atMost(Duration.ofSeconds(10)).until(() -> eventsAbout(me, service),
                events -> events.stream().anyMatch(e -> e.get("type").asText().equals("offering.removed")));
        List<Long> instructor = versions(mine, "instructor.upserted", "instructor.status-changed");
        List<Long> offer = versions(mine, "offering.upserted", "offering.removed");
        // Profile, profile, pause, resume: one instructor, four versions in order; the offering's likewise.
        assertThat(instructor).hasSize(4).isSorted().doesNotHaveDuplicates();
        assertThat(offer).hasSize(3).isSorted().doesNotHaveDuplicates();
        assertThat(instructor.get(3)).isEqualTo(shownInstructor);
        assertThat(offer.get(1)).isEqualTo(shownOffering);
        assertThat(versions(mine, "catalog-service.upserted")).hasSize(1);
    }

    private static List<Long> versions(List<JsonNode> events, String... types) {
        List<String> wanted = List.of(types);
        return events.stream().filter(e -> wanted.contains(e.get("type").asText()))
                .map(e -> e.get("payload").get("version").asLong()).toList();
    }

    private List<JsonNode> eventsAbout(UUID instructor, UUID service) {
        List<StreamMessage<String, String, String>> entries = redis.stream(String.class).xrevrange("catalog-events",
                io.quarkus.redis.datasource.stream.StreamRange.of("+", "-"), 2000);
        List<JsonNode> newestFirst = entries.stream().map(m -> StreamEnvelopes.read(m.payload().get("envelope")))
                .filter(e -> e.toString().contains(instructor.toString()) || e.toString().contains(service.toString()))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static JsonNode payload(List<JsonNode> events, String type) {
        return StreamSupport.stream(events.spliterator(), false).filter(e -> e.get("type").asText().equals(type))
                .findFirst().orElseThrow().get("payload");
    }
}
