package com.instainstru.booking.reservation;

import static com.instainstru.booking.support.Fixtures.as;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** No interleaving of requests can double-book: the database's exclusion constraints decide. */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
class DoubleBookingTest {

    private static final int PARALLEL = 50;

    @Test
    void fiftyStudentsForTheSameStartGetOneBooking() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(6);
        publish(t.id(), day, "08:00-12:00");
        List<Integer> statuses = race(i -> book(UUID.randomUUID(), t, at(day, "09:00"), 60));
        assertExactlyOneBooked(statuses, t);
    }

    @Test
    void shiftedStartsThatAllOverlapGetOneBooking() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(6);
        publish(t.id(), day, "08:00-12:00");
        String[] starts = {"09:00", "09:15", "09:30", "09:45"};
        // Every 90-minute lesson starting 09:00..09:45 contains 09:45-10:30: all pairs overlap.
        List<Integer> statuses = race(i -> book(UUID.randomUUID(), t, at(day, starts[i % starts.length]), 90));
        assertExactlyOneBooked(statuses, t);
    }

    @Test
    void containingAndContainedLessonsGetOneBooking() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(7);
        publish(t.id(), day, "08:00-12:00");
        Object[][] shapes = {{"09:00", 90}, {"09:15", 30}, {"09:00", 60}, {"09:15", 60}, {"08:45", 90}};
        List<Integer> statuses = race(i -> book(UUID.randomUUID(), t, at(day, (String) shapes[i % shapes.length][0]),
                (Integer) shapes[i % shapes.length][1]));
        assertExactlyOneBooked(statuses, t);
    }

    @Test
    void oneStudentAcrossFiftyInstructorsGetsOneBooking() {
        LocalDate day = soon(8);
        UUID student = UUID.randomUUID();
        List<Teacher> teachers = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            Teacher t = Fixtures.teacher();
            publish(t.id(), day, "08:00-12:00");
            teachers.add(t);
        }
        List<Integer> statuses = race(i -> book(student, teachers.get(i), at(day, i % 2 == 0 ? "10:00" : "10:30"), 60));
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(PARALLEL - 1);
        assertThat(as(Tokens.student(student)).get("/api/v1/bookings").then().extract().jsonPath().getList("items.id"))
                .hasSize(1);
    }

    @Test
    void retriesWithOneIdempotencyKeyCreateOneBookingAndAnswerAlike() {
        Teacher t = Fixtures.teacher();
        LocalDate day = soon(9);
        publish(t.id(), day, "08:00-12:00");
        UUID student = UUID.randomUUID();
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> body = Fixtures.booking(t, at(day, "09:00"), 60);
        List<Response> answers = Fixtures.atOnce(20, i -> as(Tokens.student(student)).header("Idempotency-Key", key)
                .body(body).post("/api/v1/bookings"));
        assertThat(answers).allMatch(r -> r.statusCode() == 201);
        assertThat(answers.stream().map(r -> r.jsonPath().getString("id")).distinct()).hasSize(1);
        assertThat(as(Tokens.student(student)).get("/api/v1/bookings").then().extract().jsonPath().getList("items.id"))
                .hasSize(1);

        Map<String, Object> other = Fixtures.booking(t, at(day, "11:00"), 60);
        as(Tokens.student(student)).header("Idempotency-Key", key).body(other).post("/api/v1/bookings")
                .then().statusCode(422).contentType(Fixtures.PROBLEM);
        // The same key of another student is another request.
        as(Tokens.student(UUID.randomUUID())).header("Idempotency-Key", key).body(other).post("/api/v1/bookings")
                .then().statusCode(201);
    }

    private static void assertExactlyOneBooked(List<Integer> statuses, Teacher t) {
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(PARALLEL - 1);
        List<Object> booked = as(Tokens.instructor(t.id())).queryParam("as", "instructor").get("/api/v1/bookings")
                .then().extract().jsonPath().getList("items.id");
        assertThat(booked).hasSize(1);
    }

    private static List<Integer> race(IntFunction<Response> request) {
        return Fixtures.atOnce(PARALLEL, request).stream().map(Response::statusCode).toList();
    }
}
