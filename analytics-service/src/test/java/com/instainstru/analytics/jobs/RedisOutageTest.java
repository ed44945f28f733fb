package com.instainstru.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.instainstru.analytics.report.DailyReportJob;
import com.instainstru.analytics.support.Events;
import com.instainstru.analytics.support.Events.Booking;
import com.instainstru.platform.test.RedisServerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Redis is not needed to compute: a run while it is down succeeds and its event waits in the outbox. When
 * Redis comes back empty (its streams and groups lost), the groups are created again, the event is
 * published, and events produced from then on are ingested.
 */
@QuarkusTest
@TestProfile(RedisOutageTest.PrivateRedis.class)
class RedisOutageTest {

    public static class PrivateRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisServerResource.class));
        }
    }

    @Inject
    JobRunner runner;

    @Inject
    Events events;

    @Inject
    Redis redis;

    @Inject
    Pool pool;

    @Test
    void aRunWhileRedisIsDownIsPublishedWhenItReturnsEmpty() {
        JobRun run;
        RedisServerResource.stopRedis();
        try {
            run = runner.runAndWait(DailyReportJob.NAME, JobRun.Trigger.manual, LocalDate.parse("2019-08-08"))
                    .await().atMost(Duration.ofSeconds(30));
            assertThat(run.status()).isEqualTo("succeeded");
        } finally {
            RedisServerResource.startRedis();
        }
        String runId = run.id().toString();
        await().atMost(Duration.ofSeconds(20)).until(() -> streamHolds("analytics-events", runId));

        Booking booking = Booking.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "2019-08-10T15:00:00Z", 60, "50");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            // The consumer has met NOGROUP and created its groups again; until then an entry would go unread.
            Response groups = redis.send(Request.cmd(Command.XINFO).arg("GROUPS").arg("booking-events"))
                    .onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(5));
            return groups != null && groups.size() > 0;
        });
        events.publish("booking-events", booking.created("2019-08-08T12:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> pool.preparedQuery("SELECT 1 FROM booking_fact WHERE booking_id = $1")
                .execute(Tuple.of(booking.bookingId())).await().indefinitely().size() == 1);
    }

    private boolean streamHolds(String stream, String text) {
        Response entries = redis.send(Request.cmd(Command.XRANGE).arg(stream).arg("-").arg("+"))
                .onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(5));
        if (entries == null) {
            return false;
        }
        for (Response entry : entries) {
            if (entry.get(1).toString().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
