package com.instainstru.booking.reservation;

import static com.instainstru.booking.support.Fixtures.PROBLEM;
import static com.instainstru.booking.support.Fixtures.as;
import static com.instainstru.booking.support.Fixtures.at;
import static com.instainstru.booking.support.Fixtures.book;
import static com.instainstru.booking.support.Fixtures.publish;
import static com.instainstru.booking.support.Fixtures.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
@ExtendWith(OpenApiContract.class)
class BookingFlowTest {

    @Test
    void aStudentBooksInstantlyAtThePriceOfTheLengthBooked() {
        Teacher t = Fixtures.teacher("60", List.of(30, 60), List.of("online", "studio"));
        LocalDate day = soon(3);
        publish(t.id(), day, "09:00-12:00");
        UUID student = UUID.randomUUID();

        String id = book(student, t, at(day, "10:00"), 30).then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("confirmed")).body("durationMinutes", equalTo(30))
                .body("hourlyRate", equalTo(60.0f)).body("totalPrice", equalTo(30.0f)).body("currency", equalTo("USD"))
                .body("serviceName", equalTo("Piano")).body("timeZone", equalTo("America/New_York"))
                .extract().path("id");
        String start = as(Tokens.student(student)).get("/api/v1/bookings/" + id).then().extract().path("startTime");
        String end = as(Tokens.student(student)).get("/api/v1/bookings/" + id).then().extract().path("endTime");
        assertThat(java.time.OffsetDateTime.parse(start)).isEqualTo(at(day, "10:00"));
        assertThat(java.time.OffsetDateTime.parse(end)).isEqualTo(at(day, "10:30"));

        as(Tokens.student(student)).get("/api/v1/bookings/" + id).then().statusCode(200).body("id", equalTo(id));
        as(Tokens.instructor(t.id())).get("/api/v1/bookings/" + id).then().statusCode(200);
        as(Tokens.student(UUID.randomUUID())).get("/api/v1/bookings/" + id).then().statusCode(404).contentType(PROBLEM);
        as(Tokens.instructor(UUID.randomUUID())).get("/api/v1/bookings/" + id).then().statusCode(404);
        as(Tokens.admin()).get("/api/v1/bookings/" + id).then().statusCode(200);

        List<String> mine = as(Tokens.student(student)).get("/api/v1/bookings").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(mine).containsExactly(id);
        List<String> teaching = as(Tokens.instructor(t.id())).queryParam("as", "instructor").get("/api/v1/bookings")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(teaching).containsExactly(id);
        as(Tokens.student(student)).queryParam("as", "instructor").get("/api/v1/bookings").then().statusCode(403);
        as(Tokens.student(student)).queryParam("status", "lost").get("/api/v1/bookings").then().statusCode(400);
        // An admin sees everyone's bookings (here: those starting in this lesson's half hour).
        List<String> everyone = as(Tokens.admin()).queryParam("startsFrom", at(day, "10:00").toString())
                .queryParam("startsBefore", at(day, "10:30").toString()).queryParam("limit", 200).get("/api/v1/bookings")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(everyone).contains(id);
    }

    @Test
    void aListIsReadPageByPageFollowingNextCursorWhateverIsBookedMeanwhile() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(5);
        UUID student = UUID.randomUUID();
        List<String> three = threeLessons(t, student, day);
        String ten = three.get(0);
        String twelve = three.get(1);
        String two = three.get(2);

        var first = as(Tokens.student(student)).queryParam("limit", 2).get("/api/v1/bookings").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items.id")).containsExactly(ten, twelve);
        // A booking added before the cursor neither shifts the next page nor repeats one already read.
        book(student, t, at(day, "09:00"), 30).then().statusCode(201);
        var second = as(Tokens.student(student)).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/bookings").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id")).containsExactly(two);
        assertThat(second.getString("nextCursor")).isNull();

        for (String bad : List.of("x", "bm90IGEgY3Vyc29y", first.getString("nextCursor").substring(2))) {
            as(Tokens.student(student)).queryParam("cursor", bad).get("/api/v1/bookings").then().statusCode(400)
                    .contentType(PROBLEM).body("errors.field", org.hamcrest.Matchers.hasItem("cursor"));
        }
        for (String bad : List.of("0", "201", "many")) {
            as(Tokens.student(student)).queryParam("limit", bad).get("/api/v1/bookings").then().statusCode(400)
                    .contentType(PROBLEM).body("errors.field", org.hamcrest.Matchers.hasItem("limit"));
        }
    }

    @Test
    void aListCanBeLatestFirstAndOfSeveralStatusesEachCursorInItsOwnOrder() {
        Teacher t = Fixtures.teacher();
        UUID student = UUID.randomUUID();
        List<String> three = threeLessons(t, student, soon(6));
        String ten = three.get(0);
        String twelve = three.get(1);
        String two = three.get(2);
        as(Tokens.student(student)).body(java.util.Map.of("reason", "moving")).post("/api/v1/bookings/" + twelve + "/cancel")
                .then().statusCode(200);

        var first = as(Tokens.student(student)).queryParam("order", "-start").queryParam("limit", 2)
                .get("/api/v1/bookings").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id")).containsExactly(two, twelve);
        var second = as(Tokens.student(student)).queryParam("order", "-start").queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/bookings").then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("items.id")).containsExactly(ten);
        assertThat(second.getString("nextCursor")).isNull();
        // A latest-first cursor does not continue a soonest-first list (it would skip or repeat lessons).
        as(Tokens.student(student)).queryParam("cursor", first.getString("nextCursor")).get("/api/v1/bookings").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", org.hamcrest.Matchers.hasItem("cursor"));

        assertThat(as(Tokens.student(student)).queryParam("status", "confirmed,completed,no_show")
                .queryParam("order", "-start").get("/api/v1/bookings").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).containsExactly(two, ten);
        assertThat(as(Tokens.student(student)).queryParam("status", "cancelled").get("/api/v1/bookings").then()
                .statusCode(200).extract().jsonPath().getList("items.id")).containsExactly(twelve);
        for (String bad : List.of("confirmed,lost", "confirmed,", "CANCELLED")) {
            as(Tokens.student(student)).queryParam("status", bad).get("/api/v1/bookings").then().statusCode(400)
                    .contentType(PROBLEM).body("errors.field", org.hamcrest.Matchers.hasItem("status"));
        }
        for (String bad : List.of("latest", "start,id", "-end")) {
            as(Tokens.student(student)).queryParam("order", bad).get("/api/v1/bookings").then().statusCode(400)
                    .contentType(PROBLEM).body("errors.field", org.hamcrest.Matchers.hasItem("order"));
        }
    }

    /** The student books the day at 10:00 and the next day at 12:00 and 14:00 (at most 2 a day with one instructor). */
    private static List<String> threeLessons(Teacher t, UUID student, LocalDate day) {
        LocalDate next = day.plusDays(1);
        publish(t.id(), day, "09:00-17:00");
        publish(t.id(), next, "09:00-17:00");
        return List.of(book(student, t, at(day, "10:00"), 30).then().statusCode(201).extract().path("id"),
                book(student, t, at(next, "12:00"), 30).then().statusCode(201).extract().path("id"),
                book(student, t, at(next, "14:00"), 30).then().statusCode(201).extract().path("id"));
    }

    @Test
    void theBookedTimeDisappearsFromTheBookableTimes() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(4);
        publish(t.id(), day, "09:00-11:00");
        List<String> before = io.restassured.RestAssured.given().queryParam("from", day.toString())
                .queryParam("to", day.toString()).queryParam("duration", 60)
                .get("/api/v1/availability/" + t.id()).then().statusCode(200)
                .extract().jsonPath().getList("days[0].startTimes");
        assertThat(before).hasSize(5);

        book(UUID.randomUUID(), t, at(day, "09:30"), 60).then().statusCode(201);

        List<String> after = io.restassured.RestAssured.given().queryParam("from", day.toString())
                .queryParam("to", day.toString()).queryParam("duration", 60)
                .get("/api/v1/availability/" + t.id()).then().statusCode(200)
                .extract().jsonPath().getList("days[0].startTimes", String.class);
        assertThat(after).isEmpty();
    }

    @Test
    void onlyStudentsBookAndOnlyWithAValidToken() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(3);
        publish(t.id(), day, "09:00-12:00");
        as(Tokens.instructor(UUID.randomUUID())).body(Fixtures.booking(t, at(day, "09:00"), 60))
                .post("/api/v1/bookings").then().statusCode(403).contentType(PROBLEM);
        io.restassured.RestAssured.given().contentType("application/json").body(Fixtures.booking(t, at(day, "09:00"), 60))
                .post("/api/v1/bookings").then().statusCode(401).contentType(PROBLEM);
        UUID s = UUID.randomUUID();
        for (String bad : List.of(Tokens.expired(s, "student"), Tokens.signedByAnotherKey(s, "student"),
                Tokens.unsigned(s), Tokens.tampered(s))) {
            as(bad).body(Fixtures.booking(t, at(day, "09:00"), 60)).post("/api/v1/bookings").then().statusCode(401);
        }
        as(Tokens.instructor(t.id())).queryParam("as", "instructor").get("/api/v1/bookings").then()
                .body("items.size()", equalTo(0));
    }

    @Test
    void catalogServiceAsksForFutureBookingsBeforeDeactivation() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(5);
        publish(t.id(), day, "09:00-12:00");
        String path = "/api/v1/bookings/instructors/" + t.id() + "/future-count";
        as(Tokens.instructor(t.id())).get(path).then().statusCode(200).body("count", equalTo(0));
        book(UUID.randomUUID(), t, at(day, "09:00"), 60).then().statusCode(201);
        as(Tokens.instructor(t.id())).get(path).then().statusCode(200).body("count", equalTo(1))
                .body("instructorId", equalTo(t.id().toString()));
        as(Tokens.admin()).get(path).then().statusCode(200).body("count", equalTo(1));
        as(Tokens.instructor(UUID.randomUUID())).get(path).then().statusCode(404);
        as(Tokens.student(UUID.randomUUID())).get(path).then().statusCode(403);
    }
}
