package com.instainstru.analytics.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.instainstru.analytics.support.Events;
import com.instainstru.analytics.support.Events.Booking;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every endpoint is admin-only; bad input is a problem+json 4xx that changes nothing. */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class AnalyticsEndpointsTest {

    private static final String BASE = "/api/v1/analytics";
    private static final List<String> READS = List.of("/services", "/services/" + UUID.randomUUID(), "/reports/latest",
            "/reports/2024-01-01", "/jobs/daily-report/runs");

    @Inject
    Pool pool;

    @Inject
    Events events;

    @Test
    void withoutATokenEveryEndpointIs401() {
        for (String path : READS) {
            problem(given().when().get(BASE + path).then(), 401);
        }
        problem(given().when().post(BASE + "/jobs/daily-report/runs").then(), 401);
    }

    @Test
    void invalidTokensAre401() {
        UUID someone = UUID.randomUUID();
        for (String token : List.of(Tokens.expired(someone, "admin"), Tokens.wrongIssuer(someone, "admin"),
                Tokens.signedByAnotherKey(someone, "admin"), Tokens.unsigned(someone), Tokens.tampered(someone))) {
            problem(given().auth().oauth2(token).when().get(BASE + "/services").then(), 401);
        }
    }

    @Test
    void studentsAndInstructorsAre403() {
        for (String token : List.of(Tokens.student(UUID.randomUUID()), Tokens.instructor(UUID.randomUUID()))) {
            for (String path : READS) {
                problem(given().auth().oauth2(token).when().get(BASE + path).then(), 403);
            }
            long before = runCount();
            problem(given().auth().oauth2(token).when().post(BASE + "/jobs/daily-report/runs").then(), 403);
            assertThat(runCount()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/reports/2024-02-30", "/reports/yesterday", "/reports/2024-1-5", "/services/not-a-uuid",
            "/services/1-1-1-1-1", "/services?limit=abc", "/services?limit=0", "/jobs/daily-report/runs?limit=-1",
            "/jobs/daily-report/runs/not-a-uuid"})
    void badInputIs400(String path) {
        problem(admin().when().get(BASE + path).then(), 400);
    }

    @Test
    void absentThingsAre404() {
        problem(admin().when().get(BASE + "/reports/1999-01-01").then(), 404);
        problem(admin().when().get(BASE + "/services/" + UUID.randomUUID()).then(), 404);
        problem(admin().when().get(BASE + "/jobs/nightly-magic/runs").then(), 404).body("detail", containsString("service-analytics"));
        problem(admin().when().get(BASE + "/jobs/daily-report/runs/" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void aRunThatCannotStartIsRefusedAndRecordsNothing() {
        long before = runCount();
        String tomorrow = LocalDate.now(ZoneId.of("America/New_York")).plusDays(1).toString();
        problem(admin().when().post(BASE + "/jobs/daily-report/runs?date=" + tomorrow).then(), 400)
                .body("errors[0].field", equalTo("date"));
        problem(admin().when().post(BASE + "/jobs/daily-report/runs?date=2024-13-01").then(), 400);
        problem(admin().when().post(BASE + "/jobs/nightly-magic/runs").then(), 404);
        assertThat(runCount()).isEqualTo(before);
    }

    @Test
    void anAdminStartsARunAndReadsItsReport() {
        // 2020 is this test's own year; an earlier build's events of it are forgotten first.
        events.forgetYear(2020);
        UUID service = UUID.randomUUID();
        events.ingest("booking-events", Booking.of(service, UUID.randomUUID(), UUID.randomUUID(), "2020-02-05T15:00:00Z",
                60, "75").created("2020-02-02T15:00:00Z"));

        String id = admin().when().post(BASE + "/jobs/daily-report/runs?date=2020-02-02").then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/analytics/jobs/daily-report/runs/"))
                .body("job", equalTo("daily-report"))
                .body("asOfDate", equalTo("2020-02-02"))
                .body("trigger", equalTo("manual"))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "succeeded".equals(admin().when()
                .get(BASE + "/jobs/daily-report/runs/" + id).then().statusCode(200).extract().path("status")));

        admin().when().get(BASE + "/jobs/daily-report/runs/" + id).then()
                .body("rows", equalTo(1)).body("finishedAt", notNullValue()).body("startedAt", notNullValue());
        List<String> ids = admin().when().get(BASE + "/jobs/daily-report/runs?limit=200").then().statusCode(200)
                .extract().path("id");
        assertThat(ids).contains(id);
        admin().when().get(BASE + "/reports/2020-02-02").then().statusCode(200)
                .body("date", equalTo("2020-02-02"))
                .body("runId", equalTo(id))
                .body("report.bookings", equalTo(1))
                .body("report.grossBookingValue", equalTo(75.0f));
        admin().when().get(BASE + "/reports/latest").then().statusCode(200).body("report", notNullValue());
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    private long runCount() {
        return pool.query("SELECT count(*) FROM job_run").execute().await().indefinitely().iterator().next().getLong(0);
    }
}
