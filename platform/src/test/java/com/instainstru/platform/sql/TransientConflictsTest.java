package com.instainstru.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which failures of PostgreSQL a transaction is run again for, and how often. */
class TransientConflictsTest {

    private static Uni<String> failing(AtomicInteger runs, int failures, String sqlState) {
        return Uni.createFrom().deferred(() -> runs.incrementAndGet() <= failures
                ? Uni.createFrom().failure(new PgException("aborted", "ERROR", sqlState, null))
                : Uni.createFrom().item("committed"));
    }

    @Test
    void aDeadlockedOrUnserializableTransactionIsRunAgainUntilItCommits() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(TransientConflicts.retried(failing(runs, 2, "40P01")).await().atMost(Duration.ofSeconds(5)))
                .isEqualTo("committed");
        assertThat(runs).hasValue(3);

        AtomicInteger serialization = new AtomicInteger();
        assertThat(TransientConflicts.retried(failing(serialization, 1, "40001")).await().atMost(Duration.ofSeconds(5)))
                .isEqualTo("committed");
        assertThat(serialization).hasValue(2);
    }

    @Test
    void anyOtherFailureIsNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> TransientConflicts.retried(failing(runs, 1, "23505")).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(PgException.class);
        assertThat(runs).hasValue(1);
        assertThat(TransientConflicts.isTransient(new IllegalStateException("40P01"))).isFalse();
    }

    @Test
    void aConflictThatKeepsRecurringFailsAfterFiveRetries() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> TransientConflicts.retried(failing(runs, Integer.MAX_VALUE, "40P01"))
                .await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(PgException.class);
        assertThat(runs).hasValue(6);
    }
}
