package com.instainstru.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.instainstru.analytics.jobs.JobRun;
import com.instainstru.analytics.jobs.JobRunner;
import com.instainstru.analytics.support.Events;
import com.instainstru.analytics.support.Events.Booking;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service analytics over a known event set, checked against figures computed by hand. The day is
 * 2021-06-30 in New York (EDT, UTC-4): the window ends 2021-07-01T04:00Z; 7 days start 2021-06-24T04:00Z,
 * 30 days 2021-06-01T04:00Z, 90 days 2021-04-02T04:00Z. No other test writes events of 2021.
 */
@QuarkusTest
class ServiceAnalyticsRollupTest {

    private static final LocalDate DAY = LocalDate.parse("2021-06-30");

    @Inject
    Events events;

    @Inject
    JobRunner runner;

    @Inject
    Pool pool;

    final UUID serviceA = UUID.randomUUID();
    final UUID serviceB = UUID.randomUUID();
    final UUID serviceC = UUID.randomUUID();
    final UUID s1 = UUID.randomUUID(), s2 = UUID.randomUUID(), s3 = UUID.randomUUID(), s4 = UUID.randomUUID(),
            s5 = UUID.randomUUID(), s6 = UUID.randomUUID(), s7 = UUID.randomUUID();
    final UUID i1 = UUID.randomUUID(), i2 = UUID.randomUUID(), i3 = UUID.randomUUID(), i4 = UUID.randomUUID();

    /** Leftovers of earlier runs of this class (2021 is its era) would change the maxima. */
    @BeforeEach
    void forgetThisEra() {
        events.forgetYear(2021);
    }

    @Test
    void figuresMatchTheHandComputedOnes() {
        loadEventSet();

        JobRun run = runner.runAndWait(ServiceAnalyticsJob.NAME, JobRun.Trigger.manual, DAY).await().atMost(Duration.ofSeconds(30));
        assertThat(run.status()).isEqualTo("succeeded");
        assertThat(run.rows()).isGreaterThanOrEqualTo(3);

        Row a = row(serviceA);
        // Bookings: a1, a2 (made exactly at the 7-day edge), a7 (cancelled only after the window) in 7 days;
        // a3 (a second before the 7-day edge) and the rescheduled chain a9->a10 in 30; a5 in 90.
        // Not counted: a4 (cancelled), a6 (a second before the 90-day edge), a8 (at the window end), a9 itself.
        assertThat(counts(a, "bookings")).containsExactly(3, 5, 6);
        // Searches: two in 7 days; one at the 30-day edge and the 'services' one naming A and B in 30;
        // one in 90. The category search, the one at the window end and the duplicate do not count.
        assertThat(counts(a, "searches")).containsExactly(2, 4, 5);
        assertThat(a.getInteger("distinct_students")).isEqualTo(5); // s1 s2 s3 s5 s6
        assertThat(a.getInteger("active_instructors")).isEqualTo(3); // i1 i2 i3
        assertThat(a.getInteger("top_duration")).isEqualTo(60); // 60 x3, 30, 90, 45
        // Lessons started in the 90 days: a1 a2 a5 a10 completed, a3 no-show, a4 cancelled (a9 moved away).
        assertThat(a.getDouble("completion_rate")).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(a.getDouble("cancellation_rate")).isCloseTo(1.0 / 6, within(1e-9));
        // Completed prices 60, 60, 80, 90: p25 60, p50 70, p75 80 + 0.25 x 10, average 72.50.
        assertThat(a.getBigDecimal("price_p25")).isEqualByComparingTo("60.00");
        assertThat(a.getBigDecimal("price_p50")).isEqualByComparingTo("70.00");
        assertThat(a.getBigDecimal("price_p75")).isEqualByComparingTo("82.50");
        assertThat(a.getBigDecimal("price_avg")).isEqualByComparingTo("72.50");
        assertThat(a.getDouble("conversion_rate")).isCloseTo(5.0 / 4, within(1e-9));
        // Demand d = searches30 + 4 x bookings30: A 24, B 14, C 3; score 100 ln(1+d)/ln(25).
        assertThat(a.getDouble("demand_score")).isEqualTo(100.0);
        // (3 + 2) / 7 = 0.71 > 1.2 x (5 + 4) / 30 = 0.36
        assertThat(a.getBoolean("trending")).isTrue();
        assertThat(a.getDouble("popularity")).isEqualTo(1.0);

        Row b = row(serviceB);
        assertThat(counts(b, "bookings")).containsExactly(1, 1, 1);
        assertThat(counts(b, "searches")).containsExactly(9, 10, 10);
        assertThat(b.getDouble("demand_score")).isEqualTo(84.1);
        assertThat(b.getBoolean("trending")).isTrue();
        // (0.7 x 1/5 + 0.3 x 10/10) / (0.7 x 5/5 + 0.3 x 4/10) = 0.44 / 0.82
        assertThat(b.getDouble("popularity")).isEqualTo(0.5366);
        assertThat(b.getDouble("conversion_rate")).isCloseTo(0.1, within(1e-9));
        assertThat(b.getBigDecimal("price_p50")).isEqualByComparingTo("50.00");

        Row c = row(serviceC);
        assertThat(counts(c, "bookings")).containsExactly(0, 0, 0);
        assertThat(counts(c, "searches")).containsExactly(0, 3, 3);
        assertThat(c.getDouble("demand_score")).isEqualTo(43.1);
        assertThat(c.getBoolean("trending")).isFalse(); // 0 / 7 against 1.2 x 3 / 30
        assertThat(c.getDouble("popularity")).isEqualTo(0.1098);
        assertThat(c.getDouble("completion_rate")).isNull();
        assertThat(c.getBigDecimal("price_p50")).isNull();
        assertThat(c.getDouble("conversion_rate")).isEqualTo(0.0);
    }

    @Test
    void reRunningTheDayReplacesItsResults() {
        UUID service = UUID.randomUUID();
        // 2021-09-15: a day of its own.
        ingest("booking-events", Booking.of(service, s1, i1, "2021-09-20T15:00:00Z", 60, "50").created("2021-09-14T12:00:00Z"));
        LocalDate day = LocalDate.parse("2021-09-15");
        JobRun first = runner.runAndWait(ServiceAnalyticsJob.NAME, JobRun.Trigger.manual, day).await().atMost(Duration.ofSeconds(30));
        ingest("booking-events", Booking.of(service, s2, i1, "2021-09-21T15:00:00Z", 60, "50").created("2021-09-15T12:00:00Z"));
        JobRun second = runner.runAndWait(ServiceAnalyticsJob.NAME, JobRun.Trigger.manual, day).await().atMost(Duration.ofSeconds(30));

        assertThat(first.status()).isEqualTo("succeeded");
        assertThat(second.status()).isEqualTo("succeeded");
        Long rows = pool.preparedQuery("SELECT count(*) FROM service_analytics WHERE as_of_date = $1 AND service_id = $2")
                .execute(Tuple.of(day, service)).await().indefinitely().iterator().next().getLong(0);
        assertThat(rows).isEqualTo(1);
        Row row = rowOf(day, service);
        assertThat(row.getUUID("run_id")).isEqualTo(second.id());
        assertThat(row.getInteger("bookings_7d")).isEqualTo(2);
    }

    private void loadEventSet() {
        ingest("catalog-events", Events.catalogService(serviceA, "test-a-" + serviceA, "Test A", "2021-01-01T00:00:00Z"));

        Booking a1 = Booking.of(serviceA, s1, i1, "2021-06-29T18:00:00Z", 60, "60");
        ObjectNode a1Created = a1.created("2021-06-28T15:00:00Z");
        ingest("booking-events", a1Created);
        ingest("booking-events", a1Created); // redelivered: stored once
        ingest("booking-events", a1.completed("2021-06-29T19:05:00Z"));

        Booking a2 = Booking.of(serviceA, s2, i1, "2021-06-25T18:00:00Z", 60, "80");
        ingest("booking-events", a2.created("2021-06-24T04:00:00Z"));
        ingest("booking-events", a2.completed("2021-06-25T19:05:00Z"));

        Booking a3 = Booking.of(serviceA, s1, i2, "2021-06-26T16:00:00Z", 30, "40");
        ingest("booking-events", a3.created("2021-06-24T03:59:59Z"));
        ingest("booking-events", a3.noShow("2021-06-26T17:00:00Z"));

        Booking a4 = Booking.of(serviceA, s3, i2, "2021-06-20T15:00:00Z", 60, "100");
        ingest("booking-events", a4.created("2021-06-10T12:00:00Z"));
        ingest("booking-events", a4.cancelled("2021-06-19T10:00:00Z", false));

        Booking a5 = Booking.of(serviceA, s3, i1, "2021-05-03T14:00:00Z", 90, "90");
        ingest("booking-events", a5.created("2021-05-01T12:00:00Z"));
        ingest("booking-events", a5.completed("2021-05-03T15:35:00Z"));

        Booking a6 = Booking.of(serviceA, s4, i1, "2021-04-01T14:00:00Z", 60, "70");
        ingest("booking-events", a6.created("2021-04-02T03:59:59Z"));
        ingest("booking-events", a6.completed("2021-04-01T15:05:00Z"));

        Booking a7 = Booking.of(serviceA, s6, i3, "2021-07-05T14:00:00Z", 45, "45");
        ingest("booking-events", a7.created("2021-06-30T12:00:00Z"));
        ingest("booking-events", a7.cancelled("2021-07-01T05:00:00Z", true));

        Booking a8 = Booking.of(serviceA, s4, i3, "2021-07-06T14:00:00Z", 60, "60");
        ingest("booking-events", a8.created("2021-07-01T04:00:00Z"));

        Booking a9 = Booking.of(serviceA, s5, i1, "2021-06-12T14:00:00Z", 60, "60");
        Booking a10 = a9.movedTo("2021-06-15T14:00:00Z");
        ingest("booking-events", a9.created("2021-06-05T12:00:00Z"));
        ingest("booking-events", a9.rescheduledTo(a10, "2021-06-08T12:00:00Z"));
        ingest("booking-events", a10.completed("2021-06-15T15:05:00Z"));

        ingest("search-events", Events.search("2021-06-29T12:00:00Z", "piano", "service", 5, 20, serviceA));
        ObjectNode twice = Events.search("2021-06-30T23:00:00Z", "piano lessons", "service", 5, 20, serviceA);
        ingest("search-events", twice);
        ingest("search-events", twice);
        ingest("search-events", Events.search("2021-06-01T04:00:00Z", "piano", "service", 5, 20, serviceA));
        ingest("search-events", Events.search("2021-05-31T12:00:00Z", "piano", "service", 5, 20, serviceA));
        ingest("search-events", Events.search("2021-06-27T12:00:00Z", "music", "category", 9, 20, serviceA, serviceB));
        ingest("search-events", Events.search("2021-06-20T12:00:00Z", "piano or guitar", "services", 9, 20, serviceA, serviceB));
        ingest("search-events", Events.search("2021-07-01T04:00:00Z", "piano", "service", 5, 20, serviceA));

        Booking b1 = Booking.of(serviceB, s7, i4, "2021-06-29T20:00:00Z", 60, "50");
        ingest("booking-events", b1.created("2021-06-27T12:00:00Z"));
        ingest("booking-events", b1.completed("2021-06-29T21:05:00Z"));
        for (int k = 0; k < 9; k++) {
            ingest("search-events", Events.search("2021-06-2" + (4 + k % 6) + "T12:00:00Z", "guitar", "service", 3, 20, serviceB));
        }
        for (int k = 0; k < 3; k++) {
            ingest("search-events", Events.search("2021-06-05T12:00:00Z", "oboe", "service", 1, 20, serviceC));
        }
    }

    private void ingest(String stream, ObjectNode envelope) {
        events.ingest(stream, envelope);
    }

    private Row row(UUID service) {
        return rowOf(DAY, service);
    }

    private Row rowOf(LocalDate day, UUID service) {
        var rows = pool.preparedQuery("SELECT * FROM service_analytics WHERE as_of_date = $1 AND service_id = $2")
                .execute(Tuple.of(day, service)).await().indefinitely();
        assertThat(rows.size()).as("analytics row of %s", service).isEqualTo(1);
        return rows.iterator().next();
    }

    private static Integer[] counts(Row r, String what) {
        return new Integer[] {r.getInteger(what + "_7d"), r.getInteger(what + "_30d"), r.getInteger(what + "_90d")};
    }

}
