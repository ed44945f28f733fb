package com.instainstru.booking.reservation;

import static com.instainstru.booking.support.Fixtures.PROBLEM;
import static com.instainstru.booking.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.instainstru.booking.support.Fixtures;
import com.instainstru.platform.test.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With catalog-service unreachable, a booking is a 503 and nothing is stored. */
@QuarkusTest
@TestProfile(CatalogOutageTest.CatalogDown.class)
class CatalogOutageTest {

    public static class CatalogDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Nothing listens on port 1: connections are refused at once.
            return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:1");
        }
    }

    @Inject
    Pool pool;

    @Test
    void aBookingWhenTheCatalogCannotBeAskedIsA503AndStoresNothing() {
        UUID student = UUID.randomUUID();
        UUID instructor = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>();
        body.put("instructorId", instructor.toString());
        body.put("instructorServiceId", UUID.randomUUID().toString());
        body.put("startTime", OffsetDateTime.now().plusDays(3).withHour(15).withMinute(0).withSecond(0).withNano(0).toString());
        body.put("durationMinutes", 60);
        body.put("locationType", "online");
        for (int i = 0; i < 3; i++) {
            as(Tokens.student(student)).header("Idempotency-Key", "outage-" + student).body(body).post("/api/v1/bookings")
                    .then().statusCode(503).contentType(PROBLEM).body("detail", containsString("nothing was stored"));
        }
        long stored = pool.preparedQuery("SELECT (SELECT count(*) FROM booking WHERE student_id = $1) "
                        + "+ (SELECT count(*) FROM idempotency_key WHERE student_id = $1)")
                .execute(Tuple.of(student)).await().indefinitely().iterator().next().getLong(0);
        assertThat(stored).isZero();
        // Publishing availability for the first time needs the profile's time zone: also a clear 503.
        as(Tokens.instructor(instructor)).body(Map.of("windows", java.util.List.of()))
                .put("/api/v1/availability/me/dates/" + Fixtures.soon(3)).then().statusCode(503).contentType(PROBLEM);
    }
}
