package com.instainstru.booking.reservation;

import static com.instainstru.booking.support.Fixtures.PROBLEM;
import static com.instainstru.booking.support.Fixtures.at;
import static com.instainstru.booking.support.Fixtures.book;
import static com.instainstru.booking.support.Fixtures.publish;
import static com.instainstru.booking.support.Fixtures.soon;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import com.instainstru.platform.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calendar hogging (issue 12: one student booked a whole day of one instructor, 8 lessons in 0.09 s) is
 * refused by booking-service itself: at most 2 future lessons with one instructor on one day and 10 in all
 * (the defaults), also when the requests come all at once.
 */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
class StudentLimitsTest {

    @Inject
    Pool pool;

    @Test
    void eightParallelBookingsOfOneDayGiveTwoLessons() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(9);
        publish(t.id(), day, "08:00-17:00");
        UUID student = UUID.randomUUID();
        String[] starts = {"08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00"};
        List<Response> answers = Fixtures.atOnce(starts.length, i -> book(student, t, at(day, starts[i]), 60));
        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(2);
        List<Response> refused = answers.stream().filter(r -> r.statusCode() != 201).toList();
        assertThat(refused).hasSize(6).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.contentType()).startsWith(PROBLEM);
            assertThat(r.jsonPath().getString("type")).endsWith("/booking-limit");
        });
        assertThat(confirmed(student, t.id())).isEqualTo(2);
        // Another student books the same instructor that day.
        book(UUID.randomUUID(), t, at(day, "16:00"), 60).then().statusCode(201);
    }

    @Test
    void aStudentHoldsAtMostTenFutureLessonsWithOneInstructor() {
        Teacher t = Fixtures.teacher();
        UUID student = UUID.randomUUID();
        for (int d = 0; d < 6; d++) {
            publish(t.id(), soon(10 + d), "09:00-12:00");
        }
        // Twelve lessons over six days (two a day, within the daily limit), asked all at once: ten are booked.
        List<Response> answers = Fixtures.atOnce(12, i -> book(student, t, at(soon(10 + i / 2), i % 2 == 0 ? "09:00" : "10:30"), 60));
        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(10);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).hasSize(2)
                .allSatisfy(r -> assertThat(r.jsonPath().getString("detail")).contains("10 upcoming lessons"));
        assertThat(confirmed(student, t.id())).isEqualTo(10);
        // A cancelled lesson frees a place.
        String one = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().jsonPath().getString("id");
        Fixtures.as(Tokens.student(student)).body(Map.of("reason", "ill")).post("/api/v1/bookings/" + one + "/cancel")
                .then().statusCode(200);
        publish(t.id(), soon(16), "09:00-12:00");
        book(student, t, at(soon(16), "09:00"), 60).then().statusCode(201);
        // Ten again: the next one is refused, whatever its day.
        book(student, t, at(soon(16), "10:30"), 60).then().statusCode(409).contentType(PROBLEM);
        assertThat(confirmed(student, t.id())).isEqualTo(10);
    }

    @Test
    void reschedulingCannotStackADay() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(11);
        LocalDate other = soon(12);
        publish(t.id(), day, "09:00-12:00");
        publish(t.id(), other, "09:00-12:00");
        UUID student = UUID.randomUUID();
        book(student, t, at(day, "09:00"), 60).then().statusCode(201);
        book(student, t, at(day, "10:00"), 60).then().statusCode(201);
        String third = book(student, t, at(other, "09:00"), 60).then().statusCode(201).extract().path("id");
        Fixtures.as(Tokens.student(student)).body(Map.of("startTime", at(day, "11:00").toString()))
                .post("/api/v1/bookings/" + third + "/reschedule").then().statusCode(409).contentType(PROBLEM);
        assertThat(confirmed(student, t.id())).isEqualTo(3);
    }

    private long confirmed(UUID student, UUID instructor) {
        return pool.preparedQuery("SELECT count(*) FROM booking WHERE student_id = $1 AND instructor_id = $2 AND status = 'confirmed'")
                .execute(Tuple.of(student, instructor)).await().indefinitely().iterator().next().getLong(0);
    }
}
