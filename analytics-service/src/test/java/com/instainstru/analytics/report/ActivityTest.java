package com.instainstru.analytics.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.analytics.support.Events;
import com.instainstru.analytics.support.Events.Booking;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bookings and searches per New York day over a known event set of 2016 (no other test writes 2016), counted by
 * hand: days at the edges of the zone's midnight, a reschedule (no new booking), a cancellation (still made that day).
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class ActivityTest {

    @Inject
    Events events;

    @BeforeEach
    void forgetThisEra() {
        events.forgetYear(2016);
    }

    @Test
    void everyDayOfTheRangeWithItsBookingsAndSearches() {
        UUID service = UUID.randomUUID();
        Booking a = Booking.of(service, UUID.randomUUID(), UUID.randomUUID(), "2016-03-20T15:00:00Z", 60, "60");
        events.ingest("booking-events", a.created("2016-03-10T04:59:59Z")); // March 9, 23:59:59 in New York
        Booking b = Booking.of(service, UUID.randomUUID(), UUID.randomUUID(), "2016-03-21T15:00:00Z", 30, "25");
        events.ingest("booking-events", b.created("2016-03-10T05:00:00Z")); // March 10, 00:00
        events.ingest("booking-events", b.rescheduledTo(b.movedTo("2016-03-22T15:00:00Z"), "2016-03-10T18:00:00Z"));
        Booking c = Booking.of(service, UUID.randomUUID(), UUID.randomUUID(), "2016-03-23T15:00:00Z", 60, "80");
        events.ingest("booking-events", c.created("2016-03-10T20:00:00Z"));
        events.ingest("booking-events", c.cancelled("2016-03-11T20:00:00Z", false));
        events.ingest("search-events", Events.search("2016-03-10T12:00:00Z", "piano", "service", 4, 10, service));
        events.ingest("search-events", Events.search("2016-03-10T13:00:00Z", "zither", "none", 0, 10));
        events.ingest("search-events", Events.search("2016-03-12T04:30:00Z", "oboe", "none", 0, 10)); // March 11

        JsonPath answer = admin().queryParam("days", "4").queryParam("to", "2016-03-12").get("/api/v1/analytics/activity")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("zone")).isEqualTo("America/New_York");
        assertThat(answer.getString("from")).isEqualTo("2016-03-09");
        assertThat(answer.getList("days.date")).containsExactly("2016-03-09", "2016-03-10", "2016-03-11", "2016-03-12");
        assertThat(answer.getList("days.bookings", Integer.class)).containsExactly(1, 2, 0, 0);
        assertThat(answer.getList("days.grossBookingValue", Float.class)).containsExactly(60f, 105f, 0f, 0f);
        assertThat(answer.getList("days.currency", String.class)).containsOnly("USD");
        assertThat(answer.getList("days.searches", Integer.class)).containsExactly(0, 2, 1, 0);
        assertThat(answer.getList("days.zeroResultSearches", Integer.class)).containsExactly(0, 1, 1, 0);
    }

    @Test
    void ninetyDaysEndingTodayByDefaultAndBadParametersAre400s() {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        JsonPath answer = admin().get("/api/v1/analytics/activity").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("days")).hasSize(90);
        assertThat(answer.getString("to")).isEqualTo(today.toString());
        assertThat(answer.getString("from")).isEqualTo(today.minusDays(89).toString());
        for (String bad : List.of("0", "401", "many")) {
            admin().queryParam("days", bad).get("/api/v1/analytics/activity").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("days"));
        }
        admin().queryParam("to", "yesterday").get("/api/v1/analytics/activity").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        admin().queryParam("to", today.plusDays(2).toString()).get("/api/v1/analytics/activity").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().get("/api/v1/analytics/activity").then().statusCode(401);
        given().auth().oauth2(Tokens.instructor(UUID.randomUUID())).get("/api/v1/analytics/activity").then().statusCode(403);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }
}
