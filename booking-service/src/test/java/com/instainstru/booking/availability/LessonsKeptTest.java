package com.instainstru.booking.availability;

import static com.instainstru.booking.support.Fixtures.as;
import static com.instainstru.booking.support.Fixtures.at;
import static com.instainstru.booking.support.Fixtures.book;
import static com.instainstru.booking.support.Fixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.booking.availability.Schedule.Window;
import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import com.instainstru.platform.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Replacing windows (a date, a week, a copy, a pattern) never takes the time of a confirmed lesson away. */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
class LessonsKeptTest {

    @Test
    void everyWayOfReplacingWindowsKeepsTheLessonsTime() {
        Teacher t = Fixtures.teacher();
        LocalDate monday = LocalDate.now(Fixtures.NEW_YORK).plusDays(8).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate wednesday = monday.plusDays(2);
        publish(t.id(), monday, "09:00-12:00");
        publish(t.id(), wednesday, "09:00-12:00");
        book(UUID.randomUUID(), t, at(monday, "10:00"), 60).then().statusCode(201);
        String cancelled = book(UUID.randomUUID(), t, at(wednesday, "09:00"), 30).then().statusCode(201).extract().path("id");
        as(Tokens.admin()).body(Map.of()).post("/api/v1/bookings/" + cancelled + "/cancel").then().statusCode(200);
        String instructor = Tokens.instructor(t.id());

        // The day cleared: the lesson's hour stays; a cancelled lesson keeps nothing.
        as(instructor).body(Map.of("windows", List.of())).put("/api/v1/availability/me/dates/" + monday).then().statusCode(204);
        as(instructor).body(Map.of("windows", List.of())).put("/api/v1/availability/me/dates/" + wednesday).then().statusCode(204);
        assertThat(windows(t, monday)).containsExactly("10:00-11:00");
        assertThat(windows(t, wednesday)).isEmpty();

        // A week whose Monday is 10:30-13:00: joined with the lesson into one window.
        as(instructor).body(Map.of("days", Map.of("monday", List.of(Map.of("start", "10:30", "end", "13:00")))))
                .put("/api/v1/availability/me/weeks/" + monday).then().statusCode(204);
        assertThat(windows(t, monday)).containsExactly("10:00-13:00");

        // An empty week copied onto it, and a pattern of afternoons over it.
        as(instructor).body(Map.of("weeks", 1)).post("/api/v1/availability/me/weeks/" + monday.minusWeeks(1) + "/copy")
                .then().statusCode(204);
        assertThat(windows(t, monday)).containsExactly("10:00-11:00");
        as(instructor).body(Map.of("from", monday.toString(), "to", monday.plusDays(6).toString(), "days",
                        Map.of("monday", List.of(Map.of("start", "14:00", "end", "16:00")))))
                .post("/api/v1/availability/me/pattern").then().statusCode(204);
        assertThat(windows(t, monday)).containsExactly("10:00-11:00", "14:00-16:00");

        // The lesson's time is kept in the windows, and it is still taken.
        JsonPath times = as(instructor).queryParam("from", monday.toString()).queryParam("to", monday.toString())
                .queryParam("duration", "60").get("/api/v1/availability/" + t.id()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(times.getList("days[0].startTimes", String.class)).noneMatch(s -> s.contains("T10:"));
    }

    @Test
    void windowsAndLessonsAreJoinedInOrder() {
        assertThat(AvailabilityService.union(List.of(w("09:00", "10:00"), w("13:00", "14:00")), List.of()))
                .containsExactly(w("09:00", "10:00"), w("13:00", "14:00"));
        assertThat(AvailabilityService.union(List.of(w("13:00", "14:00")), List.of(w("09:00", "10:00"), w("14:00", "14:30"))))
                .containsExactly(w("09:00", "10:00"), w("13:00", "14:30"));
        assertThat(AvailabilityService.union(List.of(w("09:00", "17:00")), List.of(w("10:00", "11:00"))))
                .containsExactly(w("09:00", "17:00"));
        assertThat(AvailabilityService.union(List.of(), List.of(w("10:00", "11:00"), w("10:30", "12:00"))))
                .containsExactly(w("10:00", "12:00"));
    }

    private static Window w(String start, String end) {
        return new Window(LocalTime.parse(start), LocalTime.parse(end));
    }

    private static List<String> windows(Teacher t, LocalDate date) {
        JsonPath mine = as(Tokens.instructor(t.id())).queryParam("from", date.toString()).queryParam("to", date.toString())
                .get("/api/v1/availability/me").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> dates = mine.getList("dates");
        if (dates.isEmpty()) {
            return List.of();
        }
        return mine.<Map<String, String>>getList("dates[0].windows").stream().map(w -> w.get("start") + "-" + w.get("end"))
                .toList();
    }
}
