package com.instainstru.e2e;

import static com.instainstru.e2e.Api.EVENTUALLY;
import static com.instainstru.e2e.Api.NEW_YORK;
import static com.instainstru.e2e.Api.gateway;
import static com.instainstru.e2e.Api.logIn;
import static com.instainstru.e2e.Api.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.instainstru.e2e.Api.Offering;
import com.instainstru.e2e.Api.User;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis loses every stream entry (FLUSHALL) while two consumers are down, so the events of a new
 * instructor, their week and a booking reach neither search nor analytics. The producers' outboxes still
 * hold those events: an admin republishes them from a point in time, and both consumers' state is whole
 * again, each event applied once.
 */
class LostStreamsTest {

    @RegisterExtension
    static final Platform PLATFORM = Platform.shared();

    @Test
    void aRepublishFromTheOutboxesRestoresWhatRedisLost() throws Exception {
        User admin = logIn(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(2);
        int bookingsBefore = bookingsAfterAnAnalyticsRun(admin, serviceId("harmonica"));

        PLATFORM.stop("search-service");
        PLATFORM.stop("analytics-service");
        Offering harmonica;
        try {
            // Written while the consumers are down: the events wait in Redis, unread.
            harmonica = Api.instructorOffering("Hana Moss", "harmonica", 55, List.of(30, 60), List.of("online"));
            User student = signUp("student", "Rob Ortiz");
            OffsetDateTime tomorrowAtEleven = LocalDate.now(NEW_YORK).plusDays(1).atTime(LocalTime.of(11, 0))
                    .atZone(NEW_YORK).toOffsetDateTime();
            gateway(student.token()).body(Map.of("instructorId", harmonica.instructor().id(),
                            "instructorServiceId", harmonica.id(), "startTime", tomorrowAtEleven.toString(),
                            "durationMinutes", 30, "locationType", "online"))
                    .post("/api/v1/bookings").then().statusCode(201);
            await("the outboxes published the events").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Infrastructure.streamLength(Platform.REDIS_DATABASE, "booking-events") > 0);
            // ... and Redis loses them all.
            Infrastructure.flushRedis(Platform.REDIS_DATABASE);
        } finally {
            PLATFORM.start("search-service");
            PLATFORM.start("analytics-service");
        }
        assertThat(bookingsAfterAnAnalyticsRun(admin, harmonica.serviceId()))
                .as("analytics has not seen the booking that Redis lost").isEqualTo(bookingsBefore);

        assertThat(republish(admin, "/api/v1/catalog/admin/outbox", before)).as("catalog events").isPositive();
        int bookingEventsRepublished = republish(admin, "/api/v1/bookings/admin/outbox", before);
        assertThat(bookingEventsRepublished).as("booking events (the week and the booking)").isGreaterThanOrEqualTo(2);

        // search: the instructor, their week (free time from booking-events) and their catalog profile are back.
        JsonPath hit = Api.awaitInSearch("harmonica lessons tomorrow", harmonica.instructor().id());
        assertThat(hit.getString("offeringId")).isEqualTo(harmonica.id());
        // analytics: the booking is counted, once, even though catalog and booking republished everything since.
        await("analytics counts the republished booking").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> bookingsAfterAnAnalyticsRun(admin, harmonica.serviceId()), n -> n == bookingsBefore + 1);
        // A second republish changes nothing: every consumer applies an event once.
        assertThat(republish(admin, "/api/v1/bookings/admin/outbox", before)).isEqualTo(bookingEventsRepublished);
        await("the repeat is in the stream again").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> Infrastructure.streamLength(Platform.REDIS_DATABASE, "booking-events") >= 2 * bookingEventsRepublished);
        assertThat(bookingsAfterAnAnalyticsRun(admin, harmonica.serviceId())).isEqualTo(bookingsBefore + 1);
    }

    /** An admin's republish of one producer's events since the time; answers how many go out again. */
    private static int republish(User admin, String outbox, OffsetDateTime from) {
        return gateway(admin.token()).queryParam("since", from.toString()).post(outbox + "/republish").then()
                .statusCode(200).extract().path("events");
    }

    private static String serviceId(String slug) {
        return gateway(null).get("/api/v1/catalog/services/" + slug).then().statusCode(200).extract().path("id");
    }

    /** Runs the service analytics to its end, then answers the service's bookings in the last 30 days. */
    private static int bookingsAfterAnAnalyticsRun(User admin, String serviceId) {
        String runId = gateway(admin.token()).post("/api/v1/analytics/jobs/service-analytics/runs").then()
                .statusCode(202).extract().path("id");
        String status = await("the analytics run " + runId).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> gateway(admin.token()).get("/api/v1/analytics/jobs/service-analytics/runs/" + runId)
                        .then().statusCode(200).extract().<String>path("status"), s -> !"running".equals(s));
        assertThat(status).isEqualTo("succeeded");
        return gateway(admin.token()).get("/api/v1/analytics/services/" + serviceId).then().statusCode(200)
                .extract().<Integer>path("bookings30d");
    }
}
