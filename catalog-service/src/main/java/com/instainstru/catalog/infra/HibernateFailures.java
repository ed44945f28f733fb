package com.instainstru.catalog.infra;

import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.problem.FailureTranslator;
import com.instainstru.platform.problem.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;

/**
 * What Hibernate's own failures mean to the caller (the platform's problem mapping knows PostgreSQL's, not
 * Hibernate's): a row changed under an entity since it was read is a 409 to reload and retry; a broken
 * constraint or a value the column cannot hold is what its SQL state says (a duplicate 409, bad data 400),
 * and when Hibernate gives no state, a constraint is a 409 and bad data a 400.
 */
@ApplicationScoped
public class HibernateFailures implements FailureTranslator {

    @Override
    public ApiException translate(Throwable failure) {
        if (failure instanceof OptimisticLockException || failure instanceof StaleStateException) {
            return ApiException.conflict("the record was changed by another request; reload and retry");
        }
        if (failure instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
            ApiException known = ProblemMappers.database(jdbc.getSQLState());
            if (known != null) {
                return known;
            }
        }
        if (failure instanceof ConstraintViolationException) {
            return ApiException.conflict("this conflicts with an existing record");
        }
        if (failure instanceof DataException) {
            return ApiException.badRequest("the request holds a value that cannot be stored "
                    + "(for example a NUL character or an out-of-range number)");
        }
        return null;
    }
}
