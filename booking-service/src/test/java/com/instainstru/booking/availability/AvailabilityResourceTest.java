package com.instainstru.booking.availability;

import static com.instainstru.booking.support.Fixtures.PROBLEM;
import static com.instainstru.booking.support.Fixtures.as;
import static com.instainstru.booking.support.Fixtures.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
@ExtendWith(OpenApiContract.class)
class AvailabilityResourceTest {

    private static final Map<String, List<Map<String, String>>> WEEK = Map.of(
            "monday", List.of(Map.of("start", "09:00", "end", "12:00"), Map.of("start", "14:00", "end", "17:00")),
            "wednesday", List.of(Map.of("start", "10:00", "end", "11:00")));

    private static LocalDate nextMonday() {
        return LocalDate.now(Fixtures.NEW_YORK).plusDays(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    private static JsonPath mine(Teacher t, LocalDate from, LocalDate to) {
        return as(Tokens.instructor(t.id())).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/availability/me").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anInstructorSetsAWeekThenCopiesItForward() {
        Teacher t = Fixtures.teacher();
        LocalDate monday = nextMonday();
        as(Tokens.instructor(t.id())).body(Map.of("days", WEEK)).put("/api/v1/availability/me/weeks/" + monday)
                .then().statusCode(204);
        as(Tokens.instructor(t.id())).body(Map.of("weeks", 2)).post("/api/v1/availability/me/weeks/" + monday + "/copy")
                .then().statusCode(204);
        JsonPath days = mine(t, monday, monday.plusWeeks(3).minusDays(1));
        assertThat(days.getList("dates.date", String.class)).containsExactly(monday.toString(),
                monday.plusDays(2).toString(), monday.plusWeeks(1).toString(), monday.plusWeeks(1).plusDays(2).toString(),
                monday.plusWeeks(2).toString(), monday.plusWeeks(2).plusDays(2).toString());
        assertThat(days.getList("dates[4].windows.start", String.class)).containsExactly("09:00", "14:00");
        assertThat(days.getString("timeZone")).isEqualTo("America/New_York");
    }

    @Test
    void aPatternFillsADateRangeAndADateCanBeReplacedAlone() {
        Teacher t = Fixtures.teacher();
        LocalDate monday = nextMonday();
        as(Tokens.instructor(t.id())).body(Map.of("from", monday.toString(), "to", monday.plusDays(13).toString(),
                "days", WEEK)).post("/api/v1/availability/me/pattern").then().statusCode(204);
        publish(t.id(), monday, "18:00-19:00");
        JsonPath days = mine(t, monday, monday.plusDays(13));
        assertThat(days.getList("dates")).hasSize(4);
        assertThat(days.getList("dates[0].windows.start", String.class)).containsExactly("18:00");
        assertThat(days.getList("dates[2].windows.start", String.class)).containsExactly("09:00", "14:00");
    }

    @Test
    void bookableTimesFollowTheGridAndSettings() {
        Teacher t = Fixtures.teacher();
        LocalDate day = Fixtures.soon(5);
        publish(t.id(), day, "09:00-10:30");
        List<String> starts = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("duration", 60).get("/api/v1/availability/" + t.id()).then().statusCode(200)
                .body("durationMinutes", equalTo(60)).extract().jsonPath().getList("days[0].startTimes");
        assertThat(starts).hasSize(3);
        assertThat(starts.get(0)).startsWith(day + "T09:00");
        Fixtures.settings(t.id(), 0, 0, 2);
        given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/availability/" + t.id()).then().statusCode(200).body("days.size()", equalTo(0));
    }

    @Test
    void blackoutsHideDatesUntilLifted() {
        Teacher t = Fixtures.teacher();
        LocalDate day = Fixtures.soon(6);
        publish(t.id(), day, "09:00-12:00");
        as(Tokens.instructor(t.id())).body(Map.of("from", day.toString(), "to", day.toString(), "reason", "trip"))
                .post("/api/v1/availability/me/blackouts").then().statusCode(204);
        given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/availability/" + t.id()).then().body("days.size()", equalTo(0));
        assertThat(mine(t, day, day).getBoolean("dates[0].blackout")).isTrue();
        as(Tokens.instructor(t.id())).queryParam("from", day.toString()).delete("/api/v1/availability/me/blackouts")
                .then().statusCode(204);
        given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/availability/" + t.id()).then().body("days.size()", equalTo(1));
    }

    @Test
    void searchGetsTheFreeTimeOfManyInstructorsInOneCall() {
        Teacher a = Fixtures.teacher();
        Teacher b = Fixtures.teacher();
        LocalDate day = Fixtures.soon(5);
        publish(a.id(), day, "09:00-12:00");
        publish(b.id(), day, "14:00-16:00");
        Fixtures.book(UUID.randomUUID(), a, Fixtures.at(day, "10:00"), 60).then().statusCode(201);
        JsonPath free = given().contentType("application/json").body(Map.of("instructorIds",
                        List.of(a.id().toString(), b.id().toString()), "from", day.toString(), "to", day.toString()))
                .post("/api/v1/availability/search").then().statusCode(200).extract().jsonPath();
        assertThat(free.getList("instructors[0].days[0].free.start", String.class)).containsExactly("09:00", "11:00");
        assertThat(free.getList("instructors[1].days[0].free.start", String.class)).containsExactly("14:00");
        given().contentType("application/json").body(Map.of("instructorIds", List.of(), "from", day.toString(),
                "to", day.toString())).post("/api/v1/availability/search").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void badWindowsAndDatesAreRejectedAndChangeNothing() {
        Teacher t = Fixtures.teacher();
        LocalDate day = Fixtures.soon(5);
        publish(t.id(), day, "09:00-10:00");
        String path = "/api/v1/availability/me/dates/" + day;
        Map<String, Object> cases = Map.of(
                "windows[0]", List.of(Map.of("start", "10:00", "end", "09:00")),
                "windows[0] ", List.of(Map.of("start", "09:10", "end", "10:00")),
                "windows", List.of(Map.of("start", "09:00", "end", "11:00"), Map.of("start", "10:00", "end", "12:00")),
                "windows[0].start", List.of(Map.of("start", "25:00", "end", "26:00")),
                "windows[0].end", List.of(Map.of("start", "09:00", "end", "nine")));
        cases.forEach((field, windows) -> as(Tokens.instructor(t.id())).body(Map.of("windows", windows)).put(path)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field.strip())));
        as(Tokens.instructor(t.id())).body(Map.of("windows", List.of())).put("/api/v1/availability/me/dates/2020-01-01")
                .then().statusCode(400).contentType(PROBLEM);
        as(Tokens.instructor(t.id())).body(Map.of("windows", List.of())).put("/api/v1/availability/me/dates/tomorrow")
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
        as(Tokens.instructor(t.id())).body(Map.of("days", Map.of("funday", List.of())))
                .put("/api/v1/availability/me/weeks/" + nextMonday()).then().statusCode(400);
        as(Tokens.instructor(t.id())).body(Map.of("days", WEEK)).put("/api/v1/availability/me/weeks/" + nextMonday().plusDays(1))
                .then().statusCode(400).body("errors[0].field", equalTo("weekStart"));
        as(Tokens.instructor(t.id())).body(Map.of("weeks", 99)).post("/api/v1/availability/me/weeks/" + nextMonday() + "/copy")
                .then().statusCode(400);
        as(Tokens.instructor(t.id())).body(Map.of("minNoticeHours", -1, "bufferMinutes", 0, "horizonDays", 30))
                .put("/api/v1/availability/me/settings").then().statusCode(400);
        given().queryParam("duration", 7).get("/api/v1/availability/" + t.id()).then().statusCode(400);
        given().queryParam("from", "2027-01-10").queryParam("to", "2026-01-01").get("/api/v1/availability/" + t.id())
                .then().statusCode(400);
        given().queryParam("from", "2027-01-01").queryParam("to", "2028-01-01").get("/api/v1/availability/" + t.id())
                .then().statusCode(400);
        given().get("/api/v1/availability/not-a-uuid").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("from", "+999999999-12-31").get("/api/v1/availability/" + t.id()).then().statusCode(400)
                .contentType(PROBLEM);
        assertThat(mine(t, day, day).getList("dates[0].windows.start", String.class)).containsExactly("09:00");
    }

    @Test
    void onlyInstructorsWithAProfilePublishTime() {
        LocalDate day = Fixtures.soon(5);
        Map<String, Object> body = Map.of("windows", List.of(Map.of("start", "09:00", "end", "10:00")));
        as(Tokens.student(UUID.randomUUID())).body(body).put("/api/v1/availability/me/dates/" + day).then()
                .statusCode(403).contentType(PROBLEM);
        given().contentType("application/json").body(body).put("/api/v1/availability/me/dates/" + day).then()
                .statusCode(401).contentType(PROBLEM);
        as(Tokens.instructor(UUID.randomUUID())).body(body).put("/api/v1/availability/me/dates/" + day).then()
                .statusCode(409).contentType(PROBLEM);
    }
}
