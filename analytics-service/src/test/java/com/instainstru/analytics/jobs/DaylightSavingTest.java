package com.instainstru.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.analytics.report.DailyReportJob;
import com.instainstru.analytics.rollup.ServiceAnalyticsJob;
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

/** Days are New York days: 23 hours in March, 25 in November; windows count local days, not 24-hour blocks. */
@QuarkusTest
class DaylightSavingTest {

    @Inject
    Events events;

    @Inject
    JobRunner runner;

    @Inject
    Pool pool;

    final UUID service = UUID.randomUUID();

    @BeforeEach
    void forgetThisEra() {
        events.forgetYear(2022);
    }

    @Test
    void theNovemberDayHas25Hours() {
        // 2022-11-06 runs from 04:00Z (00:00 EDT) to 05:00Z the next day (00:00 EST).
        made("2022-11-06T03:59:59Z");
        made("2022-11-06T04:00:00Z");
        made("2022-11-07T04:30:00Z"); // 23:30 EST, the 25th hour
        made("2022-11-07T05:00:00Z");
        assertThat(bookingsReported("2022-11-06")).isEqualTo(2);
    }

    @Test
    void theMarchDayHas23Hours() {
        // 2022-03-13 runs from 05:00Z (00:00 EST) to 04:00Z the next day (00:00 EDT).
        made("2022-03-13T04:59:59Z");
        made("2022-03-13T05:00:00Z");
        made("2022-03-14T03:59:59Z");
        made("2022-03-14T04:00:00Z");
        assertThat(bookingsReported("2022-03-13")).isEqualTo(2);
    }

    @Test
    void sevenDaysAcrossTheSpringChangeAreSevenLocalDays() {
        // As of 2022-03-15 the window ends 2022-03-16T04:00Z (EDT); seven local days earlier is
        // 2022-03-09T00:00 EST = 05:00Z, not 04:00Z as 168 hours would have it.
        made("2022-03-09T04:30:00Z");
        made("2022-03-09T05:00:00Z");
        JobRun run = runner.runAndWait(ServiceAnalyticsJob.NAME, JobRun.Trigger.manual, LocalDate.parse("2022-03-15"))
                .await().atMost(Duration.ofSeconds(30));
        assertThat(run.status()).isEqualTo("succeeded");
        Row row = pool.preparedQuery("SELECT * FROM service_analytics WHERE as_of_date = '2022-03-15' AND service_id = $1")
                .execute(Tuple.of(service)).await().indefinitely().iterator().next();
        assertThat(row.getInteger("bookings_7d")).isEqualTo(1);
        assertThat(row.getInteger("bookings_30d")).isEqualTo(2);
    }

    private void made(String at) {
        events.ingest("booking-events", Booking.of(service, UUID.randomUUID(), UUID.randomUUID(), "2022-12-30T15:00:00Z",
                60, "60").created(at));
    }

    private int bookingsReported(String day) {
        JobRun run = runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.manual, LocalDate.parse(day))
                .await().atMost(Duration.ofSeconds(30));
        assertThat(run.status()).isEqualTo("succeeded");
        return pool.preparedQuery("SELECT (body->>'bookings')::int FROM daily_report WHERE report_date = $1")
                .execute(Tuple.of(LocalDate.parse(day))).await().indefinitely().iterator().next().getInteger(0);
    }
}
