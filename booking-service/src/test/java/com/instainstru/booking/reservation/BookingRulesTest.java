package com.instainstru.booking.reservation;

import static com.instainstru.booking.support.Fixtures.PROBLEM;
import static com.instainstru.booking.support.Fixtures.as;
import static com.instainstru.booking.support.Fixtures.at;
import static com.instainstru.booking.support.Fixtures.book;
import static com.instainstru.booking.support.Fixtures.publish;
import static com.instainstru.booking.support.Fixtures.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import com.instainstru.platform.test.RawHttp;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
@ExtendWith(OpenApiContract.class)
class BookingRulesTest {

    @Test
    void theTimeMustLieInsideAWindowAndRespectNoticeHorizonBlackoutsAndBuffers() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(5);
        publish(t.id(), day, "09:00-12:00");
        UUID student = UUID.randomUUID();
        book(student, t, at(day, "11:30"), 60).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("published availability"));
        book(student, t, at(day, "13:00"), 60).then().statusCode(409);
        book(student, t, at(soon(6), "09:00"), 60).then().statusCode(409);

        Fixtures.settings(t.id(), 24 * 10, 15, 90);
        book(student, t, at(day, "09:00"), 60).then().statusCode(409).body("detail", containsString("notice"));
        Fixtures.settings(t.id(), 0, 15, 2);
        book(student, t, at(day, "09:00"), 60).then().statusCode(409).body("detail", containsString("days ahead"));
        Fixtures.settings(t.id(), 0, 15, 90);

        book(student, t, at(day, "09:00"), 60).then().statusCode(201);
        // With a 15-minute buffer the next lesson can start at 10:15, not 10:00.
        book(UUID.randomUUID(), t, at(day, "10:00"), 60).then().statusCode(409)
                .body("detail", containsString("instructor already has a lesson"));
        book(UUID.randomUUID(), t, at(day, "10:15"), 60).then().statusCode(201);

        as(Tokens.instructor(t.id())).body(Map.of("from", day.plusDays(1).toString(), "to", day.plusDays(1).toString(),
                "reason", "vacation")).post("/api/v1/availability/me/blackouts").then().statusCode(204);
        publish(t.id(), day.plusDays(1), "09:00-12:00");
        book(UUID.randomUUID(), t, at(day.plusDays(1), "09:00"), 60).then().statusCode(409)
                .body("detail", containsString("does not teach"));
    }

    @Test
    void backToBackLessonsWithoutABufferAreAllowedAndAStudentCannotBeInTwoPlaces() {
        Teacher t = Fixtures.teacher();
        Teacher other = Fixtures.teacher();
        LocalDate day = soon(5);
        publish(t.id(), day, "09:00-12:00");
        publish(other.id(), day, "09:00-12:00");
        UUID student = UUID.randomUUID();
        book(student, t, at(day, "09:00"), 60).then().statusCode(201);
        book(UUID.randomUUID(), t, at(day, "10:00"), 60).then().statusCode(201);
        book(student, other, at(day, "09:30"), 60).then().statusCode(409)
                .body("detail", containsString("you already have a lesson"));
        book(student, other, at(day, "11:00"), 30).then().statusCode(201);
    }

    @Test
    void theCatalogDecidesInstructorOfferingLengthAndPlace() {
        Teacher t = Fixtures.teacher("80", List.of(45, 60), List.of("studio"));
        LocalDate day = soon(5);
        publish(t.id(), day, "09:00-12:00");
        UUID student = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Fixtures.booking(t, at(day, "09:00"), 30));
        body.put("locationType", "studio");
        as(Tokens.student(student)).body(body).post("/api/v1/bookings").then().statusCode(400)
                .body("errors[0].field", equalTo("durationMinutes")).body("detail", containsString("[45, 60]"));
        body.put("durationMinutes", 45);
        body.put("locationType", "online");
        as(Tokens.student(student)).body(body).post("/api/v1/bookings").then().statusCode(400)
                .body("errors[0].field", equalTo("locationType"));
        body.put("locationType", "studio");
        body.put("instructorServiceId", UUID.randomUUID().toString());
        as(Tokens.student(student)).body(body).post("/api/v1/bookings").then().statusCode(400)
                .body("errors[0].field", equalTo("instructorServiceId"));
        body.put("instructorServiceId", t.offeringId().toString());
        body.put("instructorId", UUID.randomUUID().toString());
        as(Tokens.student(student)).body(body).post("/api/v1/bookings").then().statusCode(400)
                .body("errors[0].field", equalTo("instructorId"));
        body.put("instructorId", t.id().toString());
        as(Tokens.student(student)).body(body).post("/api/v1/bookings").then().statusCode(201)
                .body("totalPrice", equalTo(60.0f)).body("hourlyRate", equalTo(80.0f));
    }

    @Test
    void badInputIsA400AndNothingIsStored() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(5);
        publish(t.id(), day, "09:00-12:00");
        UUID student = UUID.randomUUID();
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("durationMinutes", with(t, day, "durationMinutes", 0));
        cases.put("durationMinutes ", with(t, day, "durationMinutes", 37));
        cases.put("durationMinutes  ", with(t, day, "durationMinutes", -60));
        cases.put("durationMinutes   ", with(t, day, "durationMinutes", 100000));
        cases.put("startTime", with(t, day, "startTime", "tomorrow at noon"));
        cases.put("startTime ", with(t, day, "startTime", "2020-01-01T09:00:00-05:00"));
        cases.put("startTime  ", with(t, day, "startTime", at(day, "09:07").toString()));
        cases.put("startTime   ", with(t, day, "startTime", null));
        cases.put("instructorId", with(t, day, "instructorId", "not-a-uuid"));
        cases.put("instructorServiceId", with(t, day, "instructorServiceId", 42));
        cases.put("locationType", with(t, day, "locationType", "moon"));
        cases.put("note", with(t, day, "note", "n".repeat(1001)));
        cases.forEach((field, body) -> as(Tokens.student(student)).body(body).post("/api/v1/bookings").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field.strip())));
        for (String raw : List.of("{", "[]", "\"x\"", "{\"durationMinutes\": \"sixty\"}")) {
            as(Tokens.student(student)).body(raw).post("/api/v1/bookings").then().statusCode(400).contentType(PROBLEM);
        }
        as(Tokens.student(student)).header("Idempotency-Key", "k".repeat(201)).body(Fixtures.booking(t, at(day, "09:00"), 60))
                .post("/api/v1/bookings").then().statusCode(400).contentType(PROBLEM);
        assertThat(RawHttp.statusOfAnnouncedBody(RestAssured.port, "/api/v1/bookings", Tokens.student(student), 70_000)).isEqualTo(413);
        as(Tokens.student(student)).get("/api/v1/bookings/not-a-uuid").then().statusCode(400).contentType(PROBLEM);
        as(Tokens.student(student)).queryParam("startsFrom", "yesterday").get("/api/v1/bookings").then().statusCode(400)
                .body("errors[0].field", equalTo("startsFrom"));
        // from/to are dates wherever they appear; a range of start times is startsFrom/startsBefore
        as(Tokens.student(student)).queryParam("from", "2026-12-01T00:00:00Z").get("/api/v1/bookings").then().statusCode(400)
                .body("detail", containsString("startsFrom"));
        assertThat(as(Tokens.student(student)).get("/api/v1/bookings").then().extract().jsonPath().getList("items.id")).isEmpty();
    }

    private static Map<String, Object> with(Teacher t, LocalDate day, String field, Object value) {
        Map<String, Object> body = new HashMap<>(Fixtures.booking(t, at(day, "09:00"), 60));
        body.put(field, value);
        return body;
    }
}
