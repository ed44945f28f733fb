package com.instainstru.search.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The in-memory offering index follows the read model's rows, whichever pod wrote them: including a
 * transaction that commits after a later one did, and rows deleted and written again.
 */
@QuarkusTest
class OfferingIndexFollowerTest {

    @Inject
    Pool pool;

    @Inject
    OfferingIndex index;

    private static final UUID PIANO = UUID.nameUUIDFromBytes("follower-test-service".getBytes());

    private UUID instructor() {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO instructor (id, name, areas, boroughs, area_names, teaches_online, status) "
                        + "VALUES ($1, 'Follower Test', '{harlem}', '{manhattan}', '{Harlem}', true, 'active')")
                .executeAndAwait(Tuple.of(id));
        return id;
    }

    private UUID offering(UUID instructor, String rate) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO offering (id, instructor_id, service_id, hourly_rate, durations, min_duration, "
                        + "levels, age_groups, location_types, active) VALUES ($1, $2, $3, $4, '{60}', 60, '{beginner}', "
                        + "'{adults}', '{online}', true)")
                .executeAndAwait(Tuple.of(id, instructor, PIANO, new BigDecimal(rate)));
        return id;
    }

    private BigDecimal rateOf(UUID offering) {
        return index.offeringsOf(PIANO).stream().filter(o -> o.id().equals(offering)).findFirst()
                .map(OfferingIndex.Offering::hourlyRate).orElse(null);
    }

    @Test
    void aTransactionThatCommitsAfterALaterOneIsStillFollowed() {
        UUID teacher = instructor();
        UUID slow = offering(teacher, "50.00");
        UUID quick = offering(teacher, "50.00");
        await().atMost(Duration.ofSeconds(10)).until(() -> rateOf(slow) != null && rateOf(quick) != null);

        SqlConnection conn = pool.getConnectionAndAwait();
        try {
            Transaction tx = conn.beginAndAwait();
            // The slow transaction writes first (its id is the older) but commits last.
            conn.preparedQuery("UPDATE offering SET hourly_rate = 41 WHERE id = $1").executeAndAwait(Tuple.of(slow));
            pool.preparedQuery("UPDATE offering SET hourly_rate = 42 WHERE id = $1").executeAndAwait(Tuple.of(quick));
            await().atMost(Duration.ofSeconds(10)).until(() -> new BigDecimal("42.00").equals(rateOf(quick)));
            assertThat(rateOf(slow)).isEqualByComparingTo("50.00");
            tx.commitAndAwait();
        } finally {
            conn.closeAndAwait();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> new BigDecimal("41.00").equals(rateOf(slow)));
    }

    @Test
    void deletedRowsLeaveTheIndexAndComeBackWhenWrittenAgain() {
        UUID teacher = instructor();
        UUID offering = offering(teacher, "55.00");
        await().atMost(Duration.ofSeconds(10)).until(() -> rateOf(offering) != null && index.instructor(teacher) != null);

        pool.preparedQuery("DELETE FROM offering WHERE id = $1").executeAndAwait(Tuple.of(offering));
        pool.preparedQuery("DELETE FROM instructor WHERE id = $1").executeAndAwait(Tuple.of(teacher));
        await().atMost(Duration.ofSeconds(10)).until(() -> rateOf(offering) == null && index.instructor(teacher) == null);

        pool.preparedQuery("INSERT INTO instructor (id, name, teaches_online, status) VALUES ($1, 'Back Again', true, 'active')")
                .executeAndAwait(Tuple.of(teacher));
        await().atMost(Duration.ofSeconds(10)).until(() -> index.instructor(teacher) != null);
        assertThat(index.instructor(teacher).name()).isEqualTo("Back Again");

        pool.preparedQuery("UPDATE instructor SET status = 'suspended' WHERE id = $1").executeAndAwait(Tuple.of(teacher));
        await().atMost(Duration.ofSeconds(10)).until(() -> !index.instructor(teacher).active());
    }

    @Test
    void freeTimeIsReadAsOrderedPairs() {
        UUID teacher = instructor();
        pool.preparedQuery("UPDATE instructor SET free = '{[\"2026-12-02 15:00+00\",\"2026-12-02 16:00+00\"),"
                        + "[\"2026-12-01 14:00+00\",\"2026-12-01 15:30+00\")}' WHERE id = $1")
                .executeAndAwait(Tuple.of(teacher));
        await().atMost(Duration.ofSeconds(10)).until(() -> index.instructor(teacher) != null
                && index.instructor(teacher).free().length == 4);
        OfferingIndex.Instructor read = index.instructor(teacher);
        assertThat(read.free()).containsExactly(
                java.time.Instant.parse("2026-12-01T14:00:00Z").toEpochMilli(),
                java.time.Instant.parse("2026-12-01T15:30:00Z").toEpochMilli(),
                java.time.Instant.parse("2026-12-02T15:00:00Z").toEpochMilli(),
                java.time.Instant.parse("2026-12-02T16:00:00Z").toEpochMilli());
        long midnight = java.time.Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
        long halfHour = 30 * 60_000L;
        assertThat(read.firstFree(midnight, halfHour)).isEqualTo(java.time.Instant.parse("2026-12-01T14:00:00Z").toEpochMilli());
        // Two hours in one stretch: only the second day's hour is not enough, so none.
        assertThat(read.firstFree(midnight, 4 * halfHour)).isEqualTo(OfferingIndex.NONE);
        // From 14:50 on the first day, the next quarter hour still has half an hour free.
        assertThat(read.firstFree(java.time.Instant.parse("2026-12-01T14:50:00Z").toEpochMilli(), halfHour))
                .isEqualTo(java.time.Instant.parse("2026-12-01T15:00:00Z").toEpochMilli());
    }
}
