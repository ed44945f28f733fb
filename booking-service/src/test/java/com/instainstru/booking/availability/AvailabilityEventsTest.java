package com.instainstru.booking.availability;

import static com.instainstru.booking.support.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.booking.support.BookingStream;
import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every path that changes an instructor's availability announces it on booking-events: the full windows
 * of the changed dates, the rules, and a version that rises with each change (consumers applying events
 * out of order keep the newest). What the free-time API answers carries the same version.
 */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
@ExtendWith(OpenApiContract.class)
class AvailabilityEventsTest {

    @Inject
    RedisDataSource redis;

    private List<JsonNode> changes(UUID instructor) {
        return BookingStream.payloads(BookingStream.about(redis, instructor, 2_000), "availability.changed");
    }

    /** Runs the change and returns the one availability.changed it published. */
    private JsonNode announced(UUID instructor, Runnable change) {
        int before = changes(instructor).size();
        change.run();
        Supplier<List<JsonNode>> now = () -> changes(instructor);
        List<JsonNode> after = await().atMost(Duration.ofSeconds(20)).until(now::get, l -> l.size() > before);
        assertThat(after).hasSize(before + 1);
        return after.get(after.size() - 1);
    }

    @Test
    void everyChangeOfWindowsBlackoutsRulesOrZoneIsAnnouncedWithARisingVersion() {
        Fixtures.Teacher t = Fixtures.teacher();
        String token = Tokens.instructor(t.id());
        LocalDate monday = LocalDate.now(Fixtures.NEW_YORK).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<JsonNode> seen = new ArrayList<>();

        seen.add(announced(t.id(), () -> Fixtures.publish(t.id(), monday, "09:00-12:00", "14:00-15:30")));
        assertThat(seen.get(0).get("dates")).hasSize(1);
        assertThat(seen.get(0).at("/dates/0/windows/1/end").asText()).isEqualTo("15:30");

        seen.add(announced(t.id(), () -> as(token).body(Map.of("days", Map.of("tuesday", List.of(Map.of("start", "10:00",
                "end", "11:00"))))).put("/api/v1/availability/me/weeks/" + monday).then().statusCode(204)));
        assertThat(seen.get(1).get("dates")).hasSize(7);
        assertThat(seen.get(1).at("/dates/0/windows")).isEmpty(); // Monday cleared by the week
        assertThat(seen.get(1).at("/dates/1/windows/0/start").asText()).isEqualTo("10:00");

        seen.add(announced(t.id(), () -> as(token).body(Map.of("weeks", 1))
                .post("/api/v1/availability/me/weeks/" + monday + "/copy").then().statusCode(204)));
        assertThat(seen.get(2).at("/dates/1/date").asText()).isEqualTo(monday.plusWeeks(1).plusDays(1).toString());
        assertThat(seen.get(2).at("/dates/1/windows/0/start").asText()).isEqualTo("10:00");

        seen.add(announced(t.id(), () -> as(token).body(Map.of("from", monday.plusWeeks(2).toString(), "to",
                        monday.plusWeeks(2).plusDays(6).toString(), "days", Map.of("friday", List.of(Map.of("start", "16:00",
                        "end", "18:00"))))).post("/api/v1/availability/me/pattern").then().statusCode(204)));
        assertThat(seen.get(3).get("dates")).hasSize(7);

        seen.add(announced(t.id(), () -> as(token).body(Map.of("from", monday.plusDays(1).toString(), "to",
                monday.plusDays(1).toString(), "reason", "away")).post("/api/v1/availability/me/blackouts").then().statusCode(204)));
        assertThat(seen.get(4).at("/dates/0/blackout").asBoolean()).isTrue();

        seen.add(announced(t.id(), () -> as(token).queryParam("from", monday.plusDays(1).toString())
                .queryParam("to", monday.plusDays(1).toString()).delete("/api/v1/availability/me/blackouts").then().statusCode(204)));
        assertThat(seen.get(5).at("/dates/0/blackout").asBoolean()).isFalse();

        // Rules alone: no dates, the new notice and buffer.
        seen.add(announced(t.id(), () -> Fixtures.settings(t.id(), 5, 15, 60)));
        assertThat(seen.get(6).get("dates")).isEmpty();
        assertThat(seen.get(6).get("minNoticeHours").asInt()).isEqualTo(5);
        assertThat(seen.get(6).get("bufferMinutes").asInt()).isEqualTo(15);
        assertThat(seen.get(6).get("horizonDays").asInt()).isEqualTo(60);

        // A new time zone in the catalog moves every window in time: the dates are announced again in it.
        JsonNode moved = announced(t.id(), () -> Fixtures.catalog(token).body(Map.of("name", "Moved", "areas",
                List.of("Manhattan"), "timeZone", "America/Chicago")).put("/api/v1/instructors/me").then().statusCode(200));
        seen.add(moved);
        assertThat(moved.get("timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(moved.get("dates")).extracting(d -> d.get("date").asText()).contains(monday.plusDays(1).toString(),
                monday.plusWeeks(1).plusDays(1).toString());

        long previous = 0;
        for (JsonNode change : seen) {
            assertThat(change.get("version").asLong()).isGreaterThan(previous);
            previous = change.get("version").asLong();
        }
        // The free-time API says which version it answers from, with the windows and rules it used.
        JsonPath free = given().contentType("application/json").body(Map.of("instructorIds", List.of(t.id().toString()),
                "from", monday.toString(), "to", monday.plusDays(6).toString())).post("/api/v1/availability/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(free.getLong("instructors[0].version")).isEqualTo(previous);
        assertThat(free.getInt("instructors[0].bufferMinutes")).isEqualTo(15);
        assertThat(free.getString("instructors[0].dates[0].windows[0].start")).isEqualTo("10:00");
    }

    @Test
    void demoWindowsAreAnnouncedOnceLikeAnyOther() {
        Fixtures.Teacher t = Fixtures.teacher();
        JsonNode demo = announced(t.id(), () -> as(Tokens.admin()).body(Map.of("days", 3, "bookings", 0))
                .post("/api/v1/admin/demo-data").then().statusCode(200));
        assertThat(demo.get("dates")).isNotEmpty();
        assertThat(demo.at("/dates/0/windows")).isNotEmpty();
        int after = changes(t.id()).size();
        as(Tokens.admin()).body(Map.of("days", 3, "bookings", 0)).post("/api/v1/admin/demo-data").then().statusCode(200);
        assertThat(changes(t.id())).hasSize(after);
    }
}
