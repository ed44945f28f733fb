package com.instainstru.booking.reservation;

import static com.instainstru.booking.support.Fixtures.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.instainstru.booking.support.BookingStream;
import com.instainstru.booking.support.CatalogServiceResource;
import com.instainstru.booking.support.Fixtures;
import com.instainstru.booking.support.Fixtures.Teacher;
import com.instainstru.platform.test.RedisServerResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Redis killed with SIGKILL right after a burst of bookings, then restarted on its own files, run as infra.sh
 * runs the platform's Redis (append-only, fsync every second): every event the relay had written is still in
 * the stream, and every consumer group gets each one exactly once, from where it had stopped. With
 * {@code appendonly no} the restarted Redis is empty and this test fails.
 */
@QuarkusTest
@TestProfile(RedisCrashTest.DurableRedis.class)
class RedisCrashTest {

    public static class DurableRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisServerResource.class, Map.of("durable", "true")),
                    new TestResourceEntry(CatalogServiceResource.class));
        }
    }

    private static final String STREAM = "booking-events";
    private static final String TIMES = "09:00 10:00 11:00 12:00 13:00 14:00";

    @Inject
    RedisDataSource redis;

    @Test
    void everyEventOfABurstReachesEveryConsumerGroupOnceAfterRedisIsKilled() {
        LocalDate day = soon(6);
        List<Teacher> teachers = Fixtures.teachersTeaching(4, day, "09:00-15:00");
        for (String group : List.of("crash-a", "crash-b")) {
            redis.stream(String.class).xgroupCreate(STREAM, group, "$", new XGroupCreateArgs().mkstream());
        }
        Set<String> booked = Fixtures.burst(teachers, day, TIMES.split(" "));
        assertThat(booked).hasSize(teachers.size() * 6);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> createdIn(redis.stream(String.class).xrange(STREAM, StreamRange.of("-", "+"))).containsAll(booked));

        // crash-a has read and acknowledged part of the stream (at least a quarter of the bookings); crash-b nothing.
        Set<String> seenByA = new HashSet<>();
        for (int reads = 0; seenByA.size() < booked.size() / 4; reads++) {
            assertThat(reads).as("reads of crash-a before the crash").isLessThan(100);
            Set<String> more = readAndAck("crash-a", 3);
            assertThat(more).as("crash-a reads each booking once").noneMatch(seenByA::contains);
            seenByA.addAll(more);
        }

        RedisServerResource.crashRedis();
        RedisServerResource.startRedis();

        Set<String> restOfA = readAndAck("crash-a", 1000);
        assertThat(restOfA).as("what crash-a reads after the restart is what it had not read").doesNotContainAnyElementsOf(seenByA);
        Set<String> a = new HashSet<>(seenByA);
        a.addAll(restOfA);
        assertThat(a).as("crash-a, every booking once").containsAll(booked);
        assertThat(readAndAck("crash-b", 1000)).as("crash-b, every booking").containsAll(booked);
        assertThat(readAndAck("crash-a", 1000)).as("nothing is delivered twice").doesNotContainAnyElementsOf(booked);
    }

    /** Reads up to {@code count} new entries as the group's consumer and acknowledges them; the bookings created. */
    private Set<String> readAndAck(String group, int count) {
        List<StreamMessage<String, String, String>> read = redis.stream(String.class)
                .xreadgroup(group, "test", STREAM, ">", new XReadGroupArgs().count(count));
        if (!read.isEmpty()) {
            redis.stream(String.class).xack(STREAM, group, read.stream().map(StreamMessage::id).toArray(String[]::new));
        }
        return createdIn(read);
    }

    /** The bookings created in these entries, each of which must appear once. */
    private static Set<String> createdIn(List<StreamMessage<String, String, String>> messages) {
        Set<String> ids = new HashSet<>();
        for (String id : BookingStream.created(BookingStream.envelopes(messages))) {
            assertThat(ids.add(id)).as("booking %s once in one read", id).isTrue();
        }
        return ids;
    }
}
