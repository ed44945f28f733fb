package com.instainstru.catalog.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.platform.problem.ApiException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import org.hibernate.JDBCException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

/** Hibernate's failures answer as the same failure does in every service: by what the database said. */
class HibernateFailuresTest {

    private final HibernateFailures failures = new HibernateFailures();

    @Test
    void aRowChangedSinceItWasReadIsAConflictToReloadAndRetry() {
        for (RuntimeException stale : new RuntimeException[] {new OptimisticLockException("stale"),
                new StaleObjectStateException("Instructor", 1L)}) {
            ApiException problem = failures.translate(stale);
            assertThat(problem.status()).isEqualTo(409);
            assertThat(problem.kind()).isEqualTo("conflict");
            assertThat(problem.getMessage()).contains("reload and retry");
        }
    }

    @Test
    void aConstraintIsAnsweredByItsSqlState() {
        assertThat(failures.translate(violation("23505")).status()).isEqualTo(409);
        assertThat(failures.translate(violation("23505")).kind()).isEqualTo("conflict");
        assertThat(failures.translate(violation("23514")).status()).isEqualTo(400);
        assertThat(failures.translate(violation(null)).status()).isEqualTo(409);
    }

    @Test
    void aValueTheColumnCannotHoldIsABadRequest() {
        ApiException nul = failures.translate(new DataException("bad", new SQLException("invalid byte sequence", "22021")));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.getMessage()).contains("NUL character");
        assertThat(failures.translate(new DataException("bad", new SQLException("no state"))).status()).isEqualTo(400);
    }

    @Test
    void aCollisionWithConcurrentTransactionsIsUnavailableAndUnknownFailuresAreLeftToThePlatform() {
        ApiException deadlock = failures.translate(new LockAcquisitionException("deadlock",
                new SQLException("deadlock detected", "40P01")));
        assertThat(deadlock.status()).isEqualTo(503);
        assertThat(failures.translate(new JDBCException("syntax", new SQLException("syntax error", "42601")))).isNull();
        assertThat(failures.translate(new IllegalStateException("other"))).isNull();
    }

    private static ConstraintViolationException violation(String sqlState) {
        return new ConstraintViolationException("violated", new SQLException("violated", sqlState), "some_constraint");
    }
}
