package com.instainstru.platform.sql;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.time.Duration;

/**
 * PostgreSQL aborts one of two transactions that wait on each other (deadlock, 40P01) or that could not
 * be serialized (40001). Nothing of the aborted one was kept, and run again it usually goes through: the
 * other has committed by then. This runs such a transaction again, a few times, after a short random back-off.
 */
public final class TransientConflicts {

    private TransientConflicts() {
    }

    /** Whether PostgreSQL aborted the transaction as deadlocked or not serializable. */
    public static boolean isTransient(Throwable failure) {
        return failure instanceof PgException pg
                && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
    }

    /**
     * The transaction, subscribed again (at most 5 times more) when it fails with a transient conflict.
     * {@code transaction} must be lazy, as {@code pool.withTransaction(...)} is: each subscription runs it anew.
     */
    public static <T> Uni<T> retried(Uni<T> transaction) {
        return transaction.onFailure(TransientConflicts::isTransient).retry()
                .withBackOff(Duration.ofMillis(5), Duration.ofMillis(50)).atMost(5);
    }
}
