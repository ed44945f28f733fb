package com.instainstru.booking.reservation;

import static com.instainstru.booking.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import com.instainstru.platform.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * clock.offset (the platform's clock) runs the service's clock ahead (end-to-end tests use it to act on a lesson once it has
 * started): everything that asks what time it is, the SQL of the lifecycle included, sees the moved time.
 */
@QuarkusTest
@QuarkusTestResource(CatalogServiceResource.class)
@TestProfile(ClockOffsetTest.ThreeDaysAhead.class)
class ClockOffsetTest {

    public static class ThreeDaysAhead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clock.offset", "PT72H", "booking.completion.interval", "off");
        }
    }

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Test
    void aLessonTwoDaysAheadHasStartedOnTheMovedClock() {
        org.assertj.core.api.Assertions.assertThat(Duration.between(Instant.now(), clock.instant()))
                .isBetween(Duration.ofHours(71), Duration.ofHours(73));
        Teacher t = Fixtures.teacher();
        UUID inTwoDays = InstructorLessonsTest.pastBooking(pool, t, UUID.randomUUID(), -48 * 60, 60);
        UUID inTwoDaysToo = InstructorLessonsTest.pastBooking(pool, t, UUID.randomUUID(), -49 * 60, 60);
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + inTwoDays + "/complete").then().statusCode(200)
                .body("status", equalTo("completed"));
        as(Tokens.instructor(t.id())).post("/api/v1/bookings/" + inTwoDaysToo + "/no-show").then().statusCode(200)
                .body("status", equalTo("no_show"));
        // Cancelling a lesson that, on this clock, has started is refused; booking a real-time "tomorrow" too.
        UUID tomorrow = InstructorLessonsTest.pastBooking(pool, t, UUID.randomUUID(), -24 * 60, 30);
        as(Tokens.instructor(t.id())).body(Map.of()).post("/api/v1/bookings/" + tomorrow + "/cancel").then()
                .statusCode(409).body("detail", equalTo("the lesson has already started"));
    }
}
