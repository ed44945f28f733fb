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
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the instructor's pages rely on: marking a started lesson completed, and the figures per instructor. */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
class InstructorLessonsTest {

    @Inject
    Pool pool;

    @Test
    void theInstructorMarksAStartedLessonCompletedOnce() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(4);
        publish(t.id(), day, "09:00-12:00");
        UUID student = UUID.randomUUID();
        String future = book(student, t, at(day, "09:00"), 60).then().statusCode(201).extract().path("id");
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + future + "/complete").then().statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("once it has started"));

        UUID started = pastBooking(pool, t, student, 20, 60);
        as(Tokens.student(student)).post("/api/v1/bookings/" + started + "/complete").then().statusCode(403);
        as(Tokens.instructor(UUID.randomUUID())).post("/api/v1/bookings/" + started + "/complete").then().statusCode(404);
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/not-an-id/complete").then().statusCode(400)
                .contentType(PROBLEM);
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + started + "/complete").then().statusCode(200)
                .body("status", equalTo("completed"));
        // A retry (a double click) is refused and changes nothing.
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + started + "/complete").then().statusCode(409)
                .body("detail", containsString("completed"));
        // Completed lessons can still be reported as no-shows, as after the job.
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + started + "/no-show").then().statusCode(200);
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + started + "/complete").then().statusCode(409)
                .body("detail", containsString("no-show"));
        assertThat(events(started)).containsExactly("booking.completed", "booking.no-show");
        as(Tokens.admin()).get("/api/v1/bookings/" + future).then().body("status", equalTo("confirmed"));

        UUID another = pastBooking(pool, t, UUID.randomUUID(), 30, 45);
        as(Tokens.admin()).post("/api/v1/bookings/" + another + "/complete").then().statusCode(200)
                .body("status", equalTo("completed"));
    }

    @Test
    void figuresPerInstructorCountLessonsByStatusAndEarnings() {
        Teacher t = Fixtures.teacher();
        Teacher other = Fixtures.teacher();
        LocalDate day = soon(5);
        publish(t.id(), day, "09:00-13:00");
        book(UUID.randomUUID(), t, at(day, "09:00"), 60).then().statusCode(201);
        String cancelled = book(UUID.randomUUID(), t, at(day, "11:00"), 30).then().statusCode(201).extract().path("id");
        as(Tokens.instructor(t.id())).body(Map.of()).post("/api/v1/bookings/" + cancelled + "/cancel").then().statusCode(200);
        UUID done = pastBooking(pool, t, UUID.randomUUID(), 120, 60);
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + done + "/complete").then().statusCode(200);
        UUID missed = pastBooking(pool, t, UUID.randomUUID(), 300, 60);
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + missed + "/no-show").then().statusCode(200);

        JsonPath mine = as(Tokens.instructor(t.id())).queryParam("ids", t.id().toString())
                .get("/api/v1/bookings/instructors/stats").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("instructorId")).containsExactly(t.id().toString());
        assertThat(mine.getLong("[0].confirmed")).isEqualTo(1);
        assertThat(mine.getLong("[0].upcoming")).isEqualTo(1);
        assertThat(mine.getLong("[0].completed")).isEqualTo(1);
        assertThat(mine.getLong("[0].cancelled")).isEqualTo(1);
        assertThat(mine.getLong("[0].noShows")).isEqualTo(1);
        assertThat(mine.getDouble("[0].earnings")).isEqualTo(60.0);
        assertThat(mine.getString("[0].currency")).isEqualTo("USD");

        // A range of start times: only the lessons of the coming days.
        String from = OffsetDateTime.now(ZoneOffset.UTC).toString();
        JsonPath ahead = as(Tokens.admin()).queryParam("ids", t.id() + "," + other.id()).queryParam("startsFrom", from)
                .get("/api/v1/bookings/instructors/stats").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> byId = ahead.<Map<String, Object>>getList("$").stream()
                .collect(Collectors.toMap(m -> (String) m.get("instructorId"), m -> m));
        assertThat(byId.get(t.id().toString())).containsEntry("confirmed", 1).containsEntry("cancelled", 1)
                .containsEntry("completed", 0);
        assertThat(byId.get(other.id().toString())).containsEntry("confirmed", 0).containsEntry("completed", 0);
        assertThat(((Number) byId.get(other.id().toString()).get("earnings")).doubleValue()).isZero();

        // Instructors see their own figures only; bad asks are 400s.
        as(Tokens.instructor(t.id())).queryParam("ids", other.id().toString()).get("/api/v1/bookings/instructors/stats")
                .then().statusCode(403).contentType(PROBLEM);
        as(Tokens.student(UUID.randomUUID())).queryParam("ids", t.id().toString()).get("/api/v1/bookings/instructors/stats")
                .then().statusCode(403);
        as(Tokens.admin()).get("/api/v1/bookings/instructors/stats").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("ids"));
        as(Tokens.admin()).queryParam("ids", "nope").get("/api/v1/bookings/instructors/stats").then().statusCode(400);
        String many = IntStream.range(0, 101).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));
        as(Tokens.admin()).queryParam("ids", many).get("/api/v1/bookings/instructors/stats").then().statusCode(400)
                .body("detail", containsString("1 to 100"));
        as(Tokens.admin()).queryParam("ids", t.id().toString()).queryParam("startsFrom", "yesterday")
                .get("/api/v1/bookings/instructors/stats").then().statusCode(400).body("errors[0].field", equalTo("startsFrom"));
    }

    private List<String> events(UUID bookingId) {
        return pool.preparedQuery("SELECT type FROM outbox_event WHERE envelope::jsonb -> 'payload' ->> 'bookingId' = $1 "
                        + "ORDER BY id").execute(Tuple.of(bookingId.toString())).await().indefinitely()
                .stream().map(r -> r.getString(0)).toList();
    }

    /** A lesson that started {@code minutesAgo} (written directly: the API refuses past times, as it should). */
    static UUID pastBooking(Pool pool, Teacher t, UUID student, int minutesAgo, int minutes) {
        UUID id = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo);
        pool.preparedQuery("""
                INSERT INTO booking (id, student_id, instructor_id, offering_id, service_id, service_name, instructor_name,
                    start_at, end_at, blocked_until, duration_minutes, hourly_rate, total_price, location_type, time_zone)
                VALUES ($1, $2, $3, $4, $5, 'Piano', 'Teacher', $6, $7, $7, $8, 60, $9, 'online', 'America/New_York')""")
                .execute(Tuple.tuple(List.of(id, student, t.id(), t.offeringId(), Fixtures.PIANO, start,
                        start.plusMinutes(minutes), minutes, java.math.BigDecimal.valueOf(minutes))))
                .await().indefinitely();
        return id;
    }
}
