package com.instainstru.e2e;

import static com.instainstru.e2e.Api.EVENTUALLY;
import static com.instainstru.e2e.Api.NEW_YORK;
import static com.instainstru.e2e.Api.gateway;
import static com.instainstru.e2e.Api.logIn;
import static com.instainstru.e2e.Api.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.e2e.Api.Offering;
import com.instainstru.e2e.Api.User;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The journey of issue 6, through the gateway only, on the five real services: an instructor signs
 * up, fills the profile, offers piano and publishes a week; a student finds them by a
 * natural-language search and books; a second student is refused the same time; the instructor
 * sees the booking; the nightly analytics run and the homepage shows piano's popularity.
 */
class JourneyTest {

    @RegisterExtension
    static final Platform PLATFORM = Platform.shared();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStudentFindsAndBooksAnInstructorWhoJustSignedUp() throws Exception {
        // An instructor signs up, fills the profile, offers piano at $60 for 30 or 60 minutes and publishes a week.
        Offering piano = Api.instructorOffering("Ada Park", "piano", 60, List.of(30, 60), List.of("online"));

        // A student signs up, finds the instructor by asking in words, and books 30 minutes for $30.
        User student = signUp("student", "Sam Lee");
        JsonPath hit = Api.awaitInSearch("piano under $80 tomorrow", piano.instructor().id());
        assertThat(hit.getString("serviceId")).isEqualTo(piano.serviceId());
        assertThat(new BigDecimal(hit.getString("hourlyRate"))).isEqualByComparingTo("60");
        assertThat(hit.getList("durations", Integer.class)).containsExactly(30, 60);
        OffsetDateTime tomorrowAtTen = LocalDate.now(NEW_YORK).plusDays(1).atTime(LocalTime.of(10, 0))
                .atZone(NEW_YORK).toOffsetDateTime();
        Map<String, Object> lesson = Map.of("instructorId", piano.instructor().id(), "instructorServiceId", piano.id(),
                "startTime", tomorrowAtTen.toString(), "durationMinutes", 30, "locationType", "online");
        JsonPath booking = book(student, lesson).then().statusCode(201).extract().jsonPath();
        String bookingId = booking.getString("id");
        assertThat(new BigDecimal(booking.getString("totalPrice"))).isEqualByComparingTo("30");
        assertThat(OffsetDateTime.parse(booking.getString("startTime"))).isAtSameInstantAs(tomorrowAtTen);
        assertThat(OffsetDateTime.parse(booking.getString("endTime"))).isAtSameInstantAs(tomorrowAtTen.plusMinutes(30));
        assertThat(booking.getString("status")).isEqualTo("confirmed");
        assertThat(bookingIds(student, "student")).containsExactly(bookingId);

        // A second student trying the same time is refused, and has no booking.
        User latecomer = signUp("student", "Lee Kim");
        book(latecomer, lesson).then().statusCode(409).contentType(startsWith("application/problem+json"));
        assertThat(bookingIds(latecomer, "student")).isEmpty();

        // The instructor sees the booking, and whose it is.
        assertThat(bookingIds(piano.instructor(), "instructor")).containsExactly(bookingId);
        assertThat(gateway(piano.instructor().token()).get("/api/v1/bookings/" + bookingId).then().statusCode(200)
                .extract().<String>path("studentId")).isEqualTo(student.id());

        // The nightly analytics run (an admin starts it) once the booking has reached analytics-service ...
        User admin = logIn(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
        await("piano's analytics with the booking").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> bookingsAfterAnAnalyticsRun(admin, piano.serviceId()), bookings -> bookings >= 1);

        // ... and the homepage shows piano's popularity: among the top services of its category (catalog-service
        // applies the run's event) and among the trending services (the run itself).
        await("piano's popularity on the homepage").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode home = homepage();
                    assertThat(popularity(home.path("topPerCategory"), piano.serviceId())).as("top per category")
                            .isPositive();
                    assertThat(popularity(home.path("trendingServices"), piano.serviceId())).as("trending services")
                            .isPositive();
                });
    }

    private Response book(User student, Map<String, Object> lesson) {
        return gateway(student.token()).header("Idempotency-Key", UUID.randomUUID().toString()).body(lesson)
                .post("/api/v1/bookings");
    }

    private List<String> bookingIds(User user, String as) {
        return gateway(user.token()).get("/api/v1/bookings?as=" + as).then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
    }

    /** Runs the service analytics to its end, then answers the service's bookings in the last 30 days. */
    private int bookingsAfterAnAnalyticsRun(User admin, String serviceId) {
        String runId = gateway(admin.token()).post("/api/v1/analytics/jobs/service-analytics/runs").then()
                .statusCode(202).extract().path("id");
        String status = await("the analytics run " + runId).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> gateway(admin.token()).get("/api/v1/analytics/jobs/service-analytics/runs/" + runId)
                        .then().statusCode(200).extract().<String>path("status"), s -> !"running".equals(s));
        assertThat(status).isEqualTo("succeeded");
        return gateway(admin.token()).get("/api/v1/analytics/services/" + serviceId).then().statusCode(200)
                .extract().<Integer>path("bookings30d");
    }

    private JsonNode homepage() throws Exception {
        Response home = gateway(null).get("/api/v1/home");
        home.then().statusCode(200);
        return JSON.readTree(home.asString());
    }

    /** The popularity of the service wherever it is listed in the part of the homepage (0 when it is not). */
    private static double popularity(JsonNode part, String serviceId) {
        return StreamSupport.stream(part.findParents("popularity").spliterator(), false)
                .filter(service -> serviceId.equals(service.path("id").asText()))
                .mapToDouble(service -> service.path("popularity").asDouble(0)).max().orElse(0);
    }

}
