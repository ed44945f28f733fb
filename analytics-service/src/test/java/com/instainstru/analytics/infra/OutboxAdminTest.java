package com.instainstru.analytics.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.analytics.jobs.JobRun;
import com.instainstru.analytics.jobs.JobRunner;
import com.instainstru.analytics.report.DailyReportJob;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After Redis lost analytics-events, an admin's republish puts every kept event back on the stream, in the
 * order it was written; a malformed request or a caller who is not an admin republishes nothing.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class OutboxAdminTest {

    private static final String REPUBLISH = "/api/v1/analytics/admin/outbox/republish";
    private static final String STREAM = "analytics-events";

    @Inject
    JobRunner runner;

    @Inject
    Redis redis;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Test
    void aRepublishPutsEveryEventSinceThenBackOnTheStreamInOrder() {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        // Days no other test reports on: two runs, two daily-report.ready events in the outbox.
        JobRun first = run("2018-03-01");
        JobRun second = run("2018-03-02");
        List<UUID> written = writtenSince(from);
        assertThat(written).hasSizeGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> streamEventIds().containsAll(written));

        redis.send(Request.cmd(Command.DEL).arg(STREAM)).await().atMost(Duration.ofSeconds(5)); // Redis lost it
        assertThat(streamEventIds()).isEmpty();

        given().auth().oauth2(Tokens.admin()).queryParam("since", from.toString())
                .when().post(REPUBLISH)
                .then().statusCode(200)
                .body("events", equalTo(written.size()))
                .body("oldestKept", notNullValue());

        await().atMost(Duration.ofSeconds(20)).until(() -> streamEventIds().size() >= written.size());
        assertThat(streamEventIds()).as("the stream again holds the events, in the order they were written")
                .containsExactlyElementsOf(written);
        assertThat(streamRunIds()).containsSubsequence(first.id().toString(), second.id().toString());
    }

    @Test
    void aMalformedOrMissingFromIsA400ThatRepublishesNothing() {
        run("2018-03-03");
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingCount() == 0);
        List<String> before = publishedTimes();
        for (String from : List.of("yesterday", "2026-13-01T00:00:00Z", "2026-12-01T06:00:00", " ")) {
            given().auth().oauth2(Tokens.admin()).queryParam("since", from)
                    .when().post(REPUBLISH)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("errors[0].field", equalTo("since"));
        }
        given().auth().oauth2(Tokens.admin()).when().post(REPUBLISH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("since"));
        assertThat(publishedTimes()).as("no event marked for publishing again").isEqualTo(before);
    }

    @Test
    void onlyAnAdminMayRepublish() {
        run("2018-03-04");
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingCount() == 0);
        List<String> before = publishedTimes();
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString();
        for (String token : List.of(Tokens.student(UUID.randomUUID()), Tokens.instructor(UUID.randomUUID()))) {
            given().auth().oauth2(token).queryParam("since", from).when().post(REPUBLISH)
                    .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        }
        given().queryParam("since", from).when().post(REPUBLISH)
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        assertThat(publishedTimes()).as("no event marked for publishing again").isEqualTo(before);
    }

    private JobRun run(String day) {
        JobRun run = runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.manual, LocalDate.parse(day))
                .await().atMost(Duration.ofSeconds(30));
        assertThat(run.status()).isEqualTo("succeeded");
        return run;
    }

    /** The outbox's events created at or after {@code from}, in the order they were written. */
    private List<UUID> writtenSince(OffsetDateTime from) {
        List<UUID> ids = new ArrayList<>();
        pool.preparedQuery("SELECT event_id FROM outbox_event WHERE created_at >= $1 ORDER BY id").execute(Tuple.of(from))
                .await().indefinitely().forEach(row -> ids.add(row.getUUID(0)));
        return ids;
    }

    private long pendingCount() {
        return pool.query("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").execute()
                .await().indefinitely().iterator().next().getLong(0);
    }

    /** When each kept event was published, in outbox order: a republish would reset and renew them. */
    private List<String> publishedTimes() {
        List<String> times = new ArrayList<>();
        for (Row row : pool.query("SELECT published_at FROM outbox_event ORDER BY id").execute().await().indefinitely()) {
            times.add(String.valueOf(row.getOffsetDateTime(0)));
        }
        return times;
    }

    private List<UUID> streamEventIds() {
        return streamEnvelopes().stream().map(e -> UUID.fromString(e.get("id").asText())).toList();
    }

    private List<String> streamRunIds() {
        return streamEnvelopes().stream().map(e -> e.at("/payload/runId").asText()).toList();
    }

    private List<JsonNode> streamEnvelopes() {
        Response entries = redis.send(Request.cmd(Command.XRANGE).arg(STREAM).arg("-").arg("+"))
                .await().atMost(Duration.ofSeconds(5));
        List<JsonNode> out = new ArrayList<>();
        for (Response entry : entries) {
            Response fields = entry.get(1);
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if ("envelope".equals(fields.get(i).toString())) {
                    out.add(readTree(fields.get(i + 1).toString()));
                }
            }
        }
        return out;
    }

    private JsonNode readTree(String envelope) {
        try {
            return json.readTree(envelope);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
