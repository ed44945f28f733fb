package com.instainstru.gateway;

import static com.instainstru.gateway.support.Api.PASSWORD;
import static com.instainstru.gateway.support.Api.as;
import static com.instainstru.gateway.support.Api.json;
import static com.instainstru.gateway.support.Api.login;
import static com.instainstru.gateway.support.Api.register;
import static com.instainstru.gateway.support.Api.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.gateway.support.PlatformProfile;
import com.instainstru.gateway.support.PlatformResource;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the gateway's OpenAPI document (its own endpoints and every proxied route) ×
 * {anonymous, student, other student, instructor, other instructor, admin}, against the real services.
 * The list of operations comes from the document, so a route added without an expectation here fails
 * this test. Owned resources (a booking, an offering) belong to the first student and instructor.
 */
@QuarkusTest
@TestProfile(PlatformProfile.class)
@ExtendWith(OpenApiContract.class)
class AuthorizationMatrixTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** For a cell whose answer depends on data other tests leave (a report exists or not): 200 or 404. */
    private static final int OK_OR_NOT_FOUND = -1;
    private static final String[] PERSONAS = {"anonymous", "student", "other student", "instructor", "other instructor", "admin"};

    /** How a route is called: path parameters filled in, query, body. */
    private record Call(String path, String body) {
    }

    /** Expected statuses, one per persona in the order of {@link #PERSONAS}. */
    private record Expectation(Call call, int[] statuses) {
    }

    @Test
    void everyRouteAnswersEveryPersonaAsExpected() {
        Fixture f = new Fixture();
        Map<String, Expectation> expected = expectations(f);

        JsonPath openApi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        TreeSet<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        assertThat(expected.keySet()).as("operations with an expectation = operations documented")
                .containsExactlyInAnyOrderElementsOf(documented);

        List<String> wrong = new ArrayList<>();
        for (String operation : documented) {
            Expectation e = expected.get(operation);
            String method = operation.substring(0, operation.indexOf(' '));
            for (int p = 0; p < PERSONAS.length; p++) {
                RequestSpecification request = f.tokens[p] == null ? json() : as(f.tokens[p]);
                if (e.call().body() != null) {
                    request.body(e.call().body());
                }
                io.restassured.response.Response response = request.request(method, e.call().path());
                int want = e.statuses()[p];
                boolean ok = want == OK_OR_NOT_FOUND ? response.statusCode() == 200 || response.statusCode() == 404
                        : response.statusCode() == want;
                if (!ok) {
                    wrong.add(operation + " as " + PERSONAS[p] + ": expected " + e.statuses()[p] + ", got "
                            + response.statusCode() + " " + response.asString());
                }
                if (response.statusCode() >= 400) {
                    assertThat(response.contentType()).as(operation + " as " + PERSONAS[p]).startsWith("application/problem+json");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Map<String, Expectation> expectations(Fixture f) {
        Map<String, Expectation> m = new LinkedHashMap<>();
        String anyId = UUID.randomUUID().toString();
        String day = f.day.toString();
        String offering = "{\"catalogServiceId\": \"" + f.pianoId + "\", \"hourlyRate\": 65, \"durationOptions\": [30, 60], "
                + "\"levels\": [\"beginner\"], \"ageGroups\": [\"adults\"], \"locationTypes\": [\"online\"]}";
        // The gateway's own endpoints
        m.put("POST /api/v1/auth/register", e("/api/v1/auth/register", "{}", 400, 400, 400, 400, 400, 400));
        m.put("POST /api/v1/auth/login", e("/api/v1/auth/login", "{}", 400, 400, 400, 400, 400, 400));
        m.put("POST /api/v1/auth/refresh", e("/api/v1/auth/refresh", "{}", 400, 400, 400, 400, 400, 400));
        m.put("POST /api/v1/auth/logout", e("/api/v1/auth/logout", "{}", 400, 400, 400, 400, 400, 400));
        m.put("GET /api/v1/auth/me", e("/api/v1/auth/me", null, 401, 200, 200, 200, 200, 200));
        m.put("PATCH /api/v1/auth/me", e("/api/v1/auth/me", "{}", 401, 400, 400, 400, 400, 400));
        m.put("GET /api/v1/auth/jwks", e("/api/v1/auth/jwks", null, 200, 200, 200, 200, 200, 200));
        m.put("POST /api/v1/auth/password", e("/api/v1/auth/password", "{}", 401, 400, 400, 400, 400, 400));
        m.put("POST /api/v1/auth/password-reset", e("/api/v1/auth/password-reset", "{\"email\": \"nobody-" + anyId
                + "@example.com\"}", 202, 202, 202, 202, 202, 202));
        m.put("POST /api/v1/auth/password-reset/confirm", e("/api/v1/auth/password-reset/confirm", "{}", 400, 400, 400, 400, 400, 400));
        m.put("POST /api/v1/auth/verify-email", e("/api/v1/auth/verify-email", "{\"token\": \"unknown\"}", 400, 400, 400, 400, 400, 400));
        m.put("GET /api/v1/home", e("/api/v1/home", null, 200, 200, 200, 200, 200, 200));
        // catalog-service
        m.put("GET /api/v1/catalog/categories", e("/api/v1/catalog/categories", null, 200, 200, 200, 200, 200, 200));
        m.put("GET /api/v1/catalog/services", e("/api/v1/catalog/services?category=music", null, 200, 200, 200, 200, 200, 200));
        m.put("GET /api/v1/catalog/services/{id}", e("/api/v1/catalog/services/piano", null, 200, 200, 200, 200, 200, 200));
        m.put("GET /api/v1/catalog/top-per-category", e("/api/v1/catalog/top-per-category", null, 200, 200, 200, 200, 200, 200));
        m.put("GET /api/v1/catalog/all", e("/api/v1/catalog/all", null, 200, 200, 200, 200, 200, 200));
        m.put("GET /api/v1/catalog/areas", e("/api/v1/catalog/areas", null, 200, 200, 200, 200, 200, 200));
        m.put("POST /api/v1/catalog/services", e("/api/v1/catalog/services", "{}", 401, 403, 403, 403, 403, 400));
        m.put("PUT /api/v1/catalog/services/{id}", e("/api/v1/catalog/services/" + f.pianoId, "{}", 401, 403, 403, 403, 403, 400));
        m.put("DELETE /api/v1/catalog/services/{id}", e("/api/v1/catalog/services/" + anyId, null, 401, 403, 403, 403, 403, 404));
        m.put("GET /api/v1/instructors", e("/api/v1/instructors", null, 200, 200, 200, 200, 200, 200));
        m.put("GET /api/v1/instructors/{id}", e("/api/v1/instructors/" + f.instructorId, null, 200, 200, 200, 200, 200, 200));
        m.put("GET /api/v1/instructors/me", e("/api/v1/instructors/me", null, 401, 403, 403, 200, 200, 403));
        m.put("PUT /api/v1/instructors/me", e("/api/v1/instructors/me", "{}", 401, 403, 403, 400, 400, 403));
        m.put("POST /api/v1/instructors/me/status", e("/api/v1/instructors/me/status", "{}", 401, 403, 403, 400, 400, 403));
        m.put("POST /api/v1/instructors/{id}/status", e("/api/v1/instructors/" + f.otherInstructorId + "/status", "{}", 401, 403, 403, 403, 403, 400));
        m.put("POST /api/v1/instructors/me/services", e("/api/v1/instructors/me/services", "{}", 401, 403, 403, 400, 400, 403));
        m.put("PUT /api/v1/instructors/me/services/{id}", e("/api/v1/instructors/me/services/" + f.offeringId, offering, 401, 403, 403, 200, 404, 403));
        m.put("DELETE /api/v1/instructors/me/services/{id}", e("/api/v1/instructors/me/services/" + anyId, null, 401, 403, 403, 404, 404, 403));
        // search-service
        m.put("GET /api/v1/search", e("/api/v1/search?q=piano", null, 200, 200, 200, 200, 200, 200));
        m.put("POST /api/v1/search/clicks", e("/api/v1/search/clicks", "{}", 400, 400, 400, 400, 400, 400));
        m.put("POST /api/v1/search/admin/outbox/republish",
                e("/api/v1/search/admin/outbox/republish?since=not-a-time", null, 401, 403, 403, 403, 403, 400));
        // booking-service
        m.put("POST /api/v1/bookings", e("/api/v1/bookings", "{}", 401, 400, 400, 403, 403, 403));
        m.put("GET /api/v1/bookings", e("/api/v1/bookings", null, 401, 200, 200, 200, 200, 200));
        m.put("GET /api/v1/bookings/{id}", e("/api/v1/bookings/" + f.bookingId, null, 401, 200, 404, 200, 404, 200));
        m.put("POST /api/v1/bookings/{id}/cancel", e("/api/v1/bookings/" + anyId + "/cancel", "{}", 401, 404, 404, 404, 404, 404));
        m.put("POST /api/v1/bookings/{id}/reschedule", e("/api/v1/bookings/" + anyId + "/reschedule", "{}", 401, 400, 400, 400, 400, 400));
        m.put("POST /api/v1/bookings/{id}/no-show", e("/api/v1/bookings/" + anyId + "/no-show", "{}", 401, 403, 403, 404, 404, 404));
        m.put("POST /api/v1/bookings/{id}/complete", e("/api/v1/bookings/" + anyId + "/complete", "{}", 401, 403, 403, 404, 404, 404));
        m.put("GET /api/v1/bookings/instructors/stats",
                e("/api/v1/bookings/instructors/stats?ids=" + f.instructorId, null, 401, 403, 403, 200, 403, 200));
        m.put("GET /api/v1/bookings/instructors/{instructorId}/future-count",
                e("/api/v1/bookings/instructors/" + f.instructorId + "/future-count", null, 401, 403, 403, 200, 404, 200));
        // An admin's republish with no valid point in time: refused before anything is republished.
        m.put("POST /api/v1/catalog/admin/outbox/republish",
                e("/api/v1/catalog/admin/outbox/republish?since=not-a-time", null, 401, 403, 403, 403, 403, 400));
        m.put("POST /api/v1/bookings/admin/outbox/republish",
                e("/api/v1/bookings/admin/outbox/republish?since=not-a-time", null, 401, 403, 403, 403, 403, 400));
        m.put("GET /api/v1/availability/{instructorId}", e("/api/v1/availability/" + f.instructorId, null, 200, 200, 200, 200, 200, 200));
        m.put("POST /api/v1/availability/search", e("/api/v1/availability/search", "{}", 400, 400, 400, 400, 400, 400));
        m.put("GET /api/v1/availability/me", e("/api/v1/availability/me", null, 401, 403, 403, 200, 200, 403));
        m.put("PUT /api/v1/availability/me/dates/{date}", e("/api/v1/availability/me/dates/" + day, "{}", 401, 403, 403, 400, 400, 403));
        m.put("PUT /api/v1/availability/me/weeks/{weekStart}", e("/api/v1/availability/me/weeks/" + day, "{}", 401, 403, 403, 400, 400, 403));
        m.put("POST /api/v1/availability/me/weeks/{weekStart}/copy", e("/api/v1/availability/me/weeks/" + day + "/copy", "{}", 401, 403, 403, 400, 400, 403));
        m.put("POST /api/v1/availability/me/pattern", e("/api/v1/availability/me/pattern", "{}", 401, 403, 403, 400, 400, 403));
        m.put("POST /api/v1/availability/me/blackouts", e("/api/v1/availability/me/blackouts", "{}", 401, 403, 403, 400, 400, 403));
        m.put("DELETE /api/v1/availability/me/blackouts", e("/api/v1/availability/me/blackouts", null, 401, 403, 403, 400, 400, 403));
        m.put("PUT /api/v1/availability/me/settings", e("/api/v1/availability/me/settings", "{}", 401, 403, 403, 400, 400, 403));
        // analytics-service: the homepage's trending read is public, the rest admin only
        m.put("GET /api/v1/analytics/trending", e("/api/v1/analytics/trending", null, 200, 200, 200, 200, 200, 200));
        m.put("POST /api/v1/analytics/jobs/{name}/runs", e("/api/v1/analytics/jobs/no-such-job/runs", null, 401, 403, 403, 403, 403, 404));
        m.put("GET /api/v1/analytics/jobs/{name}/runs", e("/api/v1/analytics/jobs/service-analytics/runs", null, 401, 403, 403, 403, 403, 200));
        m.put("GET /api/v1/analytics/jobs/{name}/runs/{id}", e("/api/v1/analytics/jobs/service-analytics/runs/" + anyId, null, 401, 403, 403, 403, 403, 404));
        m.put("GET /api/v1/analytics/reports/latest", e("/api/v1/analytics/reports/latest", null, 401, 403, 403, 403, 403, OK_OR_NOT_FOUND));
        m.put("GET /api/v1/analytics/reports/{date}", e("/api/v1/analytics/reports/2001-01-01", null, 401, 403, 403, 403, 403, 404));
        m.put("GET /api/v1/analytics/activity", e("/api/v1/analytics/activity?days=7", null, 401, 403, 403, 403, 403, 200));
        m.put("GET /api/v1/analytics/services", e("/api/v1/analytics/services", null, 401, 403, 403, 403, 403, 200));
        m.put("GET /api/v1/analytics/services/{id}", e("/api/v1/analytics/services/" + anyId, null, 401, 403, 403, 403, 403, 404));
        // without `from` an admin's republish is a 400 that republishes nothing
        // notification-service: each caller's own preferences; an unknown unsubscribe token
        m.put("GET /api/v1/notifications/preferences", e("/api/v1/notifications/preferences", null, 401, 200, 200, 200, 200, 200));
        m.put("PUT /api/v1/notifications/preferences", e("/api/v1/notifications/preferences", "{\"reminders\": true}", 401, 200, 200, 200, 200, 200));
        m.put("POST /api/v1/notifications/unsubscribe", e("/api/v1/notifications/unsubscribe", "{\"token\": \"unknown\"}", 404, 404, 404, 404, 404, 404));
        m.put("POST /api/v1/analytics/admin/outbox/republish", e("/api/v1/analytics/admin/outbox/republish", null, 401, 403, 403, 403, 403, 400));
        return m;
    }

    private static Expectation e(String path, String body, int... statuses) {
        assertThat(statuses).hasSize(PERSONAS.length);
        return new Expectation(new Call(path, body), statuses);
    }

    /** Accounts made through the gateway, an offering, a day of availability and a booking, through the gateway too. */
    private static final class Fixture {
        final String[] tokens = new String[PERSONAS.length];
        final String instructorId;
        final String otherInstructorId;
        final String pianoId;
        final String offeringId;
        final String bookingId;
        final LocalDate day = LocalDate.now(NEW_YORK).plusDays(3);

        Fixture() {
            String[] emails = {null, uniqueEmail("student"), uniqueEmail("other-student"), uniqueEmail("instructor"),
                    uniqueEmail("other-instructor")};
            register(emails[1], "student", "Sam Student");
            register(emails[2], "student", "Olive Other");
            instructorId = register(emails[3], "instructor", "Ian Instructor").toString();
            otherInstructorId = register(emails[4], "instructor", "Ines Other").toString();
            for (int p = 1; p <= 4; p++) {
                tokens[p] = login(emails[p]);
            }
            tokens[5] = json().body(Map.of("email", PlatformResource.ADMIN_EMAIL, "password", PlatformResource.ADMIN_PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
            String instructor = tokens[3];
            as(instructor).body(Map.of("name", "Ian Instructor", "areas", List.of("Brooklyn"), "teachesOnline", true))
                    .put("/api/v1/instructors/me").then().statusCode(200);
            pianoId = given().get("/api/v1/catalog/services/piano").then().statusCode(200).extract().path("id");
            offeringId = as(instructor).body("{\"catalogServiceId\": \"" + pianoId + "\", \"hourlyRate\": 60, "
                            + "\"durationOptions\": [30, 60], \"levels\": [\"beginner\"], \"ageGroups\": [\"adults\"], "
                            + "\"locationTypes\": [\"online\"]}")
                    .post("/api/v1/instructors/me/services").then().statusCode(201).extract().path("id");
            as(instructor).body(Map.of("windows", List.of(Map.of("start", "09:00", "end", "17:00"))))
                    .put("/api/v1/availability/me/dates/" + day).then().statusCode(204);
            String start = ZonedDateTime.of(day.atTime(10, 0), NEW_YORK).toOffsetDateTime().toString();
            bookingId = as(tokens[1]).body(Map.of("instructorId", instructorId, "instructorServiceId", offeringId,
                            "startTime", start, "durationMinutes", 30, "locationType", "online"))
                    .post("/api/v1/bookings").then().statusCode(201).extract().path("id");
            assertThat(PASSWORD).isNotBlank();
        }
    }
}
