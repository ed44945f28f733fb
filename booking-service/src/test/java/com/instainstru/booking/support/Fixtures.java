package com.instainstru.booking.support;

import static io.restassured.RestAssured.given;

import com.instainstru.platform.test.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Each test's own instructors (in the real catalog-service), availability and bookings. */
public final class Fixtures {

    public static final String PROBLEM = "application/problem+json";
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** piano, seeded in every catalog with this id. */
    public static final UUID PIANO = UUID.nameUUIDFromBytes("catalog-service:piano".getBytes());

    public record Teacher(UUID id, UUID offeringId) {
    }

    private Fixtures() {
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** An instructor in catalog-service offering piano at {@code rate} for the given lengths and places. */
    public static Teacher teacher(String rate, List<Integer> durations, List<String> locations) {
        UUID id = UUID.randomUUID();
        String token = Tokens.instructor(id);
        catalog(token).body(Map.of("name", "Teacher " + id.toString().substring(0, 6), "areas", List.of("Manhattan"),
                "teachesOnline", true)).put("/api/v1/instructors/me").then().statusCode(201);
        String offering = catalog(token).body(Map.of("catalogServiceId", PIANO.toString(), "hourlyRate", rate,
                        "durationOptions", durations, "levels", List.of("beginner"), "ageGroups", List.of("adults"),
                        "locationTypes", locations))
                .post("/api/v1/instructors/me/services").then().statusCode(201).extract().path("id");
        return new Teacher(id, UUID.fromString(offering));
    }

    public static Teacher teacher() {
        return teacher("60", List.of(30, 60, 90), List.of("online", "studio"));
    }

    public static RequestSpecification catalog(String token) {
        return given().baseUri(CatalogServiceResource.baseUrl()).port(-1)
                .header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** {@code count} new teachers, each with the same windows on the date. */
    public static List<Teacher> teachersTeaching(int count, LocalDate date, String... windows) {
        List<Teacher> teachers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Teacher t = teacher();
            publish(t.id(), date, windows);
            teachers.add(t);
        }
        return teachers;
    }

    /** Publishes windows on a date ("HH:mm-HH:mm" each). */
    public static void publish(UUID instructor, LocalDate date, String... windows) {
        List<Map<String, String>> list = java.util.Arrays.stream(windows)
                .map(w -> Map.of("start", w.substring(0, 5), "end", w.substring(6))).toList();
        as(Tokens.instructor(instructor)).body(Map.of("windows", list))
                .put("/api/v1/availability/me/dates/" + date).then().statusCode(204);
    }

    public static void settings(UUID instructor, int noticeHours, int bufferMinutes, int horizonDays) {
        as(Tokens.instructor(instructor)).body(Map.of("minNoticeHours", noticeHours, "bufferMinutes", bufferMinutes,
                "horizonDays", horizonDays)).put("/api/v1/availability/me/settings").then().statusCode(204);
    }

    /** A date a few days ahead, so notice rules never interfere. */
    public static LocalDate soon(int daysAhead) {
        return LocalDate.now(NEW_YORK).plusDays(daysAhead);
    }

    public static OffsetDateTime at(LocalDate date, String time) {
        return ZonedDateTime.of(date, java.time.LocalTime.parse(time), NEW_YORK).toOffsetDateTime();
    }

    public static Map<String, Object> booking(Teacher t, OffsetDateTime start, int minutes) {
        return Map.of("instructorId", t.id().toString(), "instructorServiceId", t.offeringId().toString(),
                "startTime", start.toString(), "durationMinutes", minutes, "locationType", "online");
    }

    public static Response book(UUID student, Teacher t, OffsetDateTime start, int minutes) {
        return as(Tokens.student(student)).body(booking(t, start, minutes)).post("/api/v1/bookings");
    }

    /**
     * A burst: an hour's lesson with each teacher at each time of the day, each by a student of its own, all
     * sent at once; every one must be booked (201). Their ids.
     */
    public static Set<String> burst(List<Teacher> teachers, LocalDate day, String... times) {
        List<Response> answers = atOnce(teachers.size() * times.length, i -> book(UUID.randomUUID(),
                teachers.get(i / times.length), at(day, times[i % times.length]), 60));
        Set<String> booked = new HashSet<>();
        answers.forEach(a -> booked.add(a.then().statusCode(201).extract().<String>path("id")));
        return booked;
    }

    /** Runs {@code count} calls on threads of their own, released together by a latch; their answers in order. */
    public static <T> List<T> atOnce(int count, IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
