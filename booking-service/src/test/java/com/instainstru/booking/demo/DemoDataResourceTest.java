package com.instainstru.booking.demo;

import static com.instainstru.booking.support.Fixtures.PROBLEM;
import static com.instainstru.booking.support.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
class DemoDataResourceTest {

    @Test
    void everyCatalogInstructorGetsBookableWeekdayAfternoonsOnceOnly() {
        Fixtures.Teacher t = Fixtures.teacher();
        Map<String, Object> first = as(Tokens.admin()).body(Map.of("days", 14, "bookings", 0))
                .post("/api/v1/admin/demo-data").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat((Integer) first.get("instructors")).isPositive();
        Map<String, Object> again = as(Tokens.admin()).body(Map.of("days", 14, "bookings", 0))
                .post("/api/v1/admin/demo-data").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(again.get("windows")).isEqualTo(0);

        LocalDate weekday = LocalDate.now(Fixtures.NEW_YORK).plusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        if (weekday.isAfter(LocalDate.now(Fixtures.NEW_YORK).plusDays(13))) {
            weekday = weekday.minusWeeks(1);
        }
        List<String> starts = given().queryParam("from", weekday.toString()).queryParam("to", weekday.toString())
                .queryParam("duration", 60).get("/api/v1/availability/" + t.id()).then().statusCode(200)
                .extract().jsonPath().getList("days[0].startTimes");
        assertThat(starts).anyMatch(s -> s.contains("T14:00"));
        Fixtures.book(UUID.randomUUID(), t, Fixtures.at(weekday, "15:00"), 60).then().statusCode(201);
    }

    @Test
    void onlyAdminsLoadDemoData() {
        as(Tokens.instructor(UUID.randomUUID())).body(Map.of("days", 3)).post("/api/v1/admin/demo-data").then()
                .statusCode(403).contentType(PROBLEM);
        as(Tokens.admin()).body(Map.of("days", 0)).post("/api/v1/admin/demo-data").then().statusCode(400)
                .contentType(PROBLEM);
    }
}
