package com.instainstru.booking.availability;

import static com.instainstru.booking.support.Fixtures.PROBLEM;
import static com.instainstru.booking.support.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cases of issue 12's attack on availability, kept: copying onto past weeks, oversized free-time searches. */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
@ExtendWith(OpenApiContract.class)
class AbuseCasesTest {

    private static final Map<String, List<Map<String, String>>> MONDAYS = Map.of(
            "monday", List.of(Map.of("start", "09:00", "end", "12:00")));

    private static JsonPath mine(Teacher t, LocalDate from, LocalDate to) {
        return as(Tokens.instructor(t.id())).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/availability/me").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void copyingAWeekOntoPastWeeksIsRefusedAndWritesNothing() {
        Teacher t = Fixtures.teacher();
        LocalDate thisMonday = LocalDate.now(Fixtures.NEW_YORK).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // Publish this week (so the instructor has settings), then ask to copy a week of a month ago onto the next four.
        Fixtures.publish(t.id(), LocalDate.now(Fixtures.NEW_YORK).plusDays(1), "09:00-10:00");
        LocalDate monthAgo = thisMonday.minusWeeks(5);
        as(Tokens.instructor(t.id())).body(Map.of("weeks", 4)).post("/api/v1/availability/me/weeks/" + monthAgo + "/copy")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("weekStart"))
                .body("detail", containsString("past"));
        assertThat(mine(t, monthAgo, thisMonday.minusDays(1)).getList("dates")).isEmpty();
    }

    @Test
    void copyingOntoThisWeekAndLaterIsStillAllowed() {
        Teacher t = Fixtures.teacher();
        LocalDate today = LocalDate.now(Fixtures.NEW_YORK);
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate nextMonday = thisMonday.plusWeeks(1);
        as(Tokens.instructor(t.id())).body(Map.of("days", MONDAYS)).put("/api/v1/availability/me/weeks/" + nextMonday)
                .then().statusCode(204);
        // This week's Monday is the source; the copy goes onto next week and the week after: fine.
        as(Tokens.instructor(t.id())).body(Map.of("weeks", 2)).post("/api/v1/availability/me/weeks/" + nextMonday + "/copy")
                .then().statusCode(204);
        assertThat(mine(t, nextMonday, nextMonday.plusWeeks(3)).getList("dates.date", String.class))
                .containsExactly(nextMonday.toString(), nextMonday.plusWeeks(1).toString(), nextMonday.plusWeeks(2).toString());
        // Last week copied onto this one (partly ahead): accepted, only today and later are written.
        as(Tokens.instructor(t.id())).body(Map.of("weeks", 1)).post("/api/v1/availability/me/weeks/" + thisMonday.minusWeeks(1) + "/copy")
                .then().statusCode(204);
    }

    @Test
    void aFreeTimeSearchIsCappedAtOneHundredInstructorsAndThirtyOneDays() {
        LocalDate from = Fixtures.soon(1);
        List<String> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(UUID.randomUUID().toString());
        }
        // Within the caps: the answer names every instructor asked.
        JsonPath ok = given().contentType("application/json").body(Map.of("instructorIds", hundred, "from", from.toString(),
                "to", from.plusDays(30).toString())).post("/api/v1/availability/search").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ok.getList("instructors")).hasSize(100);
        // One instructor more, or one day more: a clear 400.
        List<String> more = new ArrayList<>(hundred);
        more.add(UUID.randomUUID().toString());
        given().contentType("application/json").body(Map.of("instructorIds", more, "from", from.toString(),
                        "to", from.plusDays(1).toString())).post("/api/v1/availability/search").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("instructorIds")).body("detail", containsString("100"));
        given().contentType("application/json").body(Map.of("instructorIds", hundred.subList(0, 1), "from", from.toString(),
                        "to", from.plusDays(31).toString())).post("/api/v1/availability/search").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("to")).body("detail", containsString("31 days"));
    }
}
