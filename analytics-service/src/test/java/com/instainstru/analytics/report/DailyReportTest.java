package com.instainstru.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.instainstru.analytics.jobs.JobRun;
import com.instainstru.analytics.jobs.JobRunner;
import com.instainstru.analytics.support.Events;
import com.instainstru.analytics.support.Events.Booking;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report of 2023-02-10 in New York (EST: 2023-02-10T05:00Z to 2023-02-11T05:00Z) over a known event
 * set, checked against figures counted by hand. No other test writes events of 2023.
 */
@QuarkusTest
class DailyReportTest {

    private static final LocalDate DAY = LocalDate.parse("2023-02-10");

    @Inject
    Events events;

    @Inject
    JobRunner runner;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    final UUID x = UUID.randomUUID(), y = UUID.randomUUID(), z = UUID.randomUUID();
    final UUID sOld = UUID.randomUUID(), sOld3 = UUID.randomUUID(), sNew1 = UUID.randomUUID(), sNew2 = UUID.randomUUID(),
            sNew3 = UUID.randomUUID(), sNew4 = UUID.randomUUID();
    final UUID iA = UUID.randomUUID(), iB = UUID.randomUUID(), iC = UUID.randomUUID(), iD = UUID.randomUUID();

    @BeforeEach
    void forgetThisEra() {
        events.forgetYear(2023);
    }

    @Test
    void reportMatchesTheHandCountedFigures() throws Exception {
        ingest("catalog-events", Events.catalogService(x, "test-x-" + x, "Test X", "2023-01-01T00:00:00Z"));
        ingest("catalog-events", Events.instructor(iA, "A", "2023-02-10T12:00:00Z"));
        ingest("catalog-events", Events.instructor(iB, "B", "2023-01-01T12:00:00Z"));
        ingest("catalog-events", Events.instructor(iB, "B renamed", "2023-02-10T13:00:00Z"));

        Booking o1 = Booking.of(z, sOld, iC, "2023-02-20T15:00:00Z", 30, "30");
        ingest("booking-events", o1.created("2023-01-15T12:00:00Z"));
        ingest("booking-events", o1.cancelled("2023-02-10T15:00:00Z", false));
        Booking o2 = Booking.of(z, sOld, iC, "2023-02-10T15:00:00Z", 60, "60");
        ingest("booking-events", o2.created("2023-01-20T12:00:00Z"));
        ingest("booking-events", o2.completed("2023-02-10T16:05:00Z"));
        Booking o3 = Booking.of(z, sOld3, iD, "2023-02-10T18:00:00Z", 60, "60");
        ingest("booking-events", o3.created("2023-01-25T12:00:00Z"));
        ingest("booking-events", o3.noShow("2023-02-10T19:00:00Z"));

        Booking r1 = Booking.of(x, sOld, iA, "2023-02-12T15:00:00Z", 60, "60");
        ingest("booking-events", r1.created("2023-02-10T14:00:00Z"));
        Booking r2 = Booking.of(x, sNew1, iA, "2023-02-13T15:00:00Z", 60, "40");
        ObjectNode r2Created = r2.created("2023-02-10T20:00:00Z");
        ingest("booking-events", r2Created);
        ingest("booking-events", r2Created); // redelivered
        ingest("booking-events", r2.rescheduledTo(r2.movedTo("2023-02-14T15:00:00Z"), "2023-02-10T22:00:00Z"));
        Booking r3 = Booking.of(y, sNew2, iB, "2023-02-11T15:00:00Z", 60, "100");
        ingest("booking-events", r3.created("2023-02-11T04:59:59Z")); // 23:59:59 in New York
        ingest("booking-events", r3.cancelled("2023-02-11T04:00:00Z", true));
        ingest("booking-events", Booking.of(y, sNew3, iB, "2023-02-15T15:00:00Z", 60, "70").created("2023-02-11T05:00:00Z"));
        ingest("booking-events", Booking.of(y, sNew4, iB, "2023-02-15T16:00:00Z", 60, "70").created("2023-02-10T04:59:59Z"));

        ingest("search-events", Events.search("2023-02-10T13:00:00Z", "Piano", "service", 4, 10, x));
        ingest("search-events", Events.search("2023-02-10T13:01:00Z", " piano ", "service", 4, 20, x));
        ingest("search-events", Events.search("2023-02-10T13:02:00Z", "piano", "service", 4, 30, x));
        ingest("search-events", Events.search("2023-02-10T14:00:00Z", "xylophone lessons", "none", 0, 40));
        ingest("search-events", Events.search("2023-02-10T14:30:00Z", "Xylophone lessons", "none", 0, 50));
        ingest("search-events", Events.search("2023-02-10T15:00:00Z", "guitar", "service", 2, 900, y));
        ingest("search-events", Events.search("2023-02-11T05:00:00Z", "cello", "none", 0, 5000));

        JobRun run = runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.manual, DAY).await().atMost(Duration.ofSeconds(30));
        assertThat(run.status()).isEqualTo("succeeded");
        JsonNode report = report(DAY);

        assertThat(report.get("bookings").asInt()).isEqualTo(3); // r1 r2 r3; the reschedule is no new booking
        assertThat(report.get("grossBookingValue").decimalValue()).isEqualByComparingTo("200");
        assertThat(report.get("currency").asText()).isEqualTo("USD");
        assertThat(report.get("cancellations").asInt()).isEqualTo(2); // o1, r3
        assertThat(report.get("lateCancellations").asInt()).isEqualTo(1);
        assertThat(report.get("cancelledValue").decimalValue()).isEqualByComparingTo("130");
        assertThat(report.get("reschedules").asInt()).isEqualTo(1);
        assertThat(report.get("lessonsCompleted").asInt()).isEqualTo(1);
        assertThat(report.get("noShows").asInt()).isEqualTo(1);
        assertThat(report.get("newInstructors").asInt()).isEqualTo(1); // iA; iB was first seen in January
        assertThat(report.get("activeInstructors").asInt()).isEqualTo(4); // iA iB (booked) iC iD (lessons)
        assertThat(report.get("newStudents").asInt()).isEqualTo(2); // sNew1 sNew2; sOld booked before
        assertThat(report.get("activeStudents").asInt()).isEqualTo(4); // sOld sNew1 sNew2 sOld3
        assertThat(report.get("searches").asInt()).isEqualTo(6);
        assertThat(report.get("zeroResultSearchCount").asInt()).isEqualTo(2);

        JsonNode top = report.get("topServices");
        assertThat(top.get(0).get("serviceId").asText()).isEqualTo(x.toString());
        assertThat(top.get(0).get("bookings").asInt()).isEqualTo(2);
        assertThat(top.get(0).get("name").asText()).isEqualTo("Test X");
        assertThat(top.get(1).get("serviceId").asText()).isEqualTo(y.toString());
        assertThat(report.get("topSearches").get(0).get("query").asText()).isEqualTo("piano");
        assertThat(report.get("topSearches").get(0).get("count").asInt()).isEqualTo(3);
        assertThat(report.get("zeroResultSearches")).hasSize(1);
        assertThat(report.get("zeroResultSearches").get(0).get("query").asText()).isEqualTo("xylophone lessons");
        assertThat(report.get("zeroResultSearches").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(report.get("slowestSearches").get(0).get("query").asText()).isEqualTo("guitar");
        assertThat(report.get("slowestSearches").get(0).get("latencyMs").asDouble()).isEqualTo(900.0);
        assertThat(report.get("slowestSearches")).hasSize(6);
        assertThat(report.get("searchLatencyMs").get("max").asDouble()).isEqualTo(900.0);
    }

    @Test
    void reRunningADayReplacesItsReport() throws Exception {
        LocalDate day = LocalDate.parse("2023-05-05");
        ingest("booking-events", Booking.of(x, sOld, iA, "2023-05-09T15:00:00Z", 60, "60").created("2023-05-05T14:00:00Z"));
        runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.manual, day).await().atMost(Duration.ofSeconds(30));
        ingest("booking-events", Booking.of(x, sNew1, iA, "2023-05-09T16:00:00Z", 60, "60").created("2023-05-05T15:00:00Z"));
        JobRun second = runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.manual, day).await().atMost(Duration.ofSeconds(30));

        assertThat(report(day).get("bookings").asInt()).isEqualTo(2);
        assertThat(pool.preparedQuery("SELECT run_id FROM daily_report WHERE report_date = $1").execute(Tuple.of(day))
                .await().indefinitely().iterator().next().getUUID(0)).isEqualTo(second.id());
    }

    private JsonNode report(LocalDate day) throws Exception {
        String body = pool.preparedQuery("SELECT body::text FROM daily_report WHERE report_date = $1").execute(Tuple.of(day))
                .await().indefinitely().iterator().next().getString(0);
        return json.readTree(body);
    }

    private void ingest(String stream, ObjectNode envelope) {
        events.ingest(stream, envelope);
    }
}
