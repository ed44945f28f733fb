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

import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import com.instainstru.platform.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
class BookingLifecycleTest {

    @Inject
    Pool pool;

    @Inject
    BookingService bookings;

    @Test
    void eitherPartyCancelsAndTheTimeIsFreeAgain() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(4);
        publish(t.id(), day, "09:00-12:00");
        UUID student = UUID.randomUUID();
        String id = book(student, t, at(day, "09:00"), 60).then().statusCode(201).extract().path("id");
        as(Tokens.student(UUID.randomUUID())).body(Map.of("reason", "x")).post("/api/v1/bookings/" + id + "/cancel")
                .then().statusCode(404);
        as(Tokens.student(student)).body(Map.of("reason", "sick")).post("/api/v1/bookings/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("cancelled")).body("cancelledBy", equalTo("student"))
                .body("lateCancellation", equalTo(false)).body("cancelReason", equalTo("sick"));
        as(Tokens.instructor(t.id())).body(Map.of()).post("/api/v1/bookings/" + id + "/cancel").then().statusCode(409)
                .contentType(PROBLEM);
        as(Tokens.student(student)).body(Map.of("startTime", at(day, "10:00").toString()))
                .post("/api/v1/bookings/" + id + "/reschedule").then().statusCode(409).contentType(PROBLEM);
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + id + "/no-show").then().statusCode(409);
        book(UUID.randomUUID(), t, at(day, "09:00"), 60).then().statusCode(201);
    }

    @Test
    void aCancellationLessThanTwelveHoursAheadIsLate() {
        Teacher t = Fixtures.teacher();
        Fixtures.settings(t.id(), 0, 0, 90);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusHours(3).withMinute(0).withSecond(0).withNano(0);
        LocalDate day = start.atZoneSameInstant(Fixtures.NEW_YORK).toLocalDate();
        String hour = String.format("%02d:00", start.atZoneSameInstant(Fixtures.NEW_YORK).getHour());
        if (start.atZoneSameInstant(Fixtures.NEW_YORK).getHour() >= 23) {
            return; // the lesson would cross midnight in New York; this moment of day cannot host the case
        }
        publish(t.id(), day, hour + "-" + String.format("%02d:00", start.atZoneSameInstant(Fixtures.NEW_YORK).getHour() + 1));
        String id = book(UUID.randomUUID(), t, start, 60).then().statusCode(201).extract().path("id");
        as(Tokens.instructor(t.id())).body(Map.of("reason", "emergency")).post("/api/v1/bookings/" + id + "/cancel")
                .then().statusCode(200).body("cancelledBy", equalTo("instructor")).body("lateCancellation", equalTo(true));
    }

    @Test
    void reschedulingMovesTheLessonAtomically() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(4);
        publish(t.id(), day, "09:00-12:00");
        UUID student = UUID.randomUUID();
        String first = book(student, t, at(day, "09:00"), 60).then().statusCode(201).extract().path("id");
        String taken = book(UUID.randomUUID(), t, at(day, "11:00"), 60).then().statusCode(201).extract().path("id");

        // The new time is taken: nothing changes.
        as(Tokens.student(student)).body(Map.of("startTime", at(day, "10:30").toString()))
                .post("/api/v1/bookings/" + first + "/reschedule").then().statusCode(409).contentType(PROBLEM);
        as(Tokens.student(student)).get("/api/v1/bookings/" + first).then().body("status", equalTo("confirmed"));

        // Overlapping its own old time is fine: the old booking is cancelled in the same step.
        String moved = as(Tokens.student(student)).body(Map.of("startTime", at(day, "09:30").toString()))
                .post("/api/v1/bookings/" + first + "/reschedule").then().statusCode(200)
                .body("rescheduledFrom", equalTo(first)).body("totalPrice", equalTo(60.0f)).extract().path("id");
        as(Tokens.student(student)).get("/api/v1/bookings/" + first).then().body("status", equalTo("cancelled"))
                .body("cancelReason", containsString("rescheduled"));
        as(Tokens.student(student)).get("/api/v1/bookings/" + moved).then().body("status", equalTo("confirmed"));
        as(Tokens.admin()).get("/api/v1/bookings/" + taken).then().body("status", equalTo("confirmed"));
        assertThat(as(Tokens.instructor(t.id())).queryParam("as", "instructor").queryParam("status", "confirmed")
                .get("/api/v1/bookings").then().extract().jsonPath().getList("items.id")).containsExactlyInAnyOrder(moved, taken);
        as(Tokens.student(student)).body(Map.of("startTime", at(day, "10:00").toString(), "reason", "r".repeat(490)))
                .post("/api/v1/bookings/" + moved + "/reschedule").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reason"));
        as(Tokens.student(student)).body(Map.of("startTime", at(day, "09:30").toString(), "durationMinutes", 30))
                .post("/api/v1/bookings/" + moved + "/reschedule").then().statusCode(400);
    }

    @Test
    void noShowsAreRecordedByTheInstructorAfterTheStartAndEndedLessonsComplete() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(4);
        publish(t.id(), day, "09:00-12:00");
        UUID student = UUID.randomUUID();
        String future = book(student, t, at(day, "09:00"), 60).then().statusCode(201).extract().path("id");
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + future + "/no-show").then().statusCode(409)
                .body("detail", containsString("after the lesson's start"));
        as(Tokens.student(student)).post("/api/v1/bookings/" + future + "/no-show").then().statusCode(403);

        UUID started = pastBooking(t, student, 30, 60);
        UUID ended = pastBooking(t, UUID.randomUUID(), 180, 60);
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + started + "/no-show").then().statusCode(200)
                .body("status", equalTo("no_show"));
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + started + "/no-show").then().statusCode(409);

        bookings.completeEndedLessons().await().indefinitely();
        as(Tokens.admin()).get("/api/v1/bookings/" + ended).then().body("status", equalTo("completed"));
        // The instructor may still report a no-show after the job marked the lesson completed.
        UUID reported = pastBooking(t, UUID.randomUUID(), 240, 60);
        bookings.completeEndedLessons().await().indefinitely();
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + reported + "/no-show").then().statusCode(200)
                .body("status", equalTo("no_show"));
        as(Tokens.admin()).get("/api/v1/bookings/" + started).then().body("status", equalTo("no_show"));
        as(Tokens.admin()).get("/api/v1/bookings/" + future).then().body("status", equalTo("confirmed"));
        as(Tokens.admin()).body(Map.of()).post("/api/v1/bookings/" + ended + "/cancel").then().statusCode(409);
    }

    /** A lesson that started {@code minutesAgo} (written directly: the API refuses past times, as it should). */
    private UUID pastBooking(Teacher t, UUID student, int minutesAgo, int minutes) {
        UUID id = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo);
        pool.preparedQuery("""
                INSERT INTO booking (id, student_id, instructor_id, offering_id, service_id, service_name, instructor_name,
                    start_at, end_at, blocked_until, duration_minutes, hourly_rate, total_price, location_type, time_zone)
                VALUES ($1, $2, $3, $4, $5, 'Piano', 'Teacher', $6, $7, $7, $8, 60, 60, 'online', 'America/New_York')""")
                .execute(Tuple.tuple(java.util.List.of(id, student, t.id(), t.offeringId(), Fixtures.PIANO, start,
                        start.plusMinutes(minutes), minutes)))
                .await().indefinitely();
        return id;
    }
}
