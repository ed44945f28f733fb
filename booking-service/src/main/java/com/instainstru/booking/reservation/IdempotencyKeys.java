package com.instainstru.booking.reservation;

import com.instainstru.platform.problem.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency-Key handling: the first request with a key claims it inside its transaction and
 * stores its answer there; a retry (even a concurrent one, which waits on the claim) gets that answer.
 */
@ApplicationScoped
class IdempotencyKeys {

    /** A stored first answer. */
    record Stored(int status, String body) {
    }

    /** The stored answer for this key, if its first request completed; 422 if the body differs. */
    Uni<Optional<Stored>> replay(SqlClient sql, UUID studentId, String key, String requestHash) {
        return sql.preparedQuery("SELECT request_hash, response_status, response_body FROM idempotency_key "
                        + "WHERE student_id = $1 AND key = $2").execute(Tuple.of(studentId, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.<Stored>empty();
                    }
                    var row = rows.iterator().next();
                    if (!row.getString("request_hash").equals(requestHash)) {
                        throw new ApiException(422, "idempotency-key-reused", "Idempotency-Key reused",
                                "this Idempotency-Key was used with a different request", null);
                    }
                    Integer status = row.getInteger("response_status");
                    return status == null ? Optional.<Stored>empty() : Optional.of(new Stored(status,
                            row.getString("response_body")));
                });
    }

    /** Claims the key in the caller's transaction; false if another request holds it (now committed). */
    Uni<Boolean> claim(SqlClient sql, UUID studentId, String key, String requestHash) {
        return sql.preparedQuery("INSERT INTO idempotency_key (student_id, key, request_hash) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (student_id, key) DO NOTHING").execute(Tuple.of(studentId, key, requestHash))
                .map(rows -> rows.rowCount() == 1);
    }

    Uni<Void> store(SqlClient sql, UUID studentId, String key, UUID bookingId, int status, String body) {
        return sql.preparedQuery("UPDATE idempotency_key SET booking_id = $3, response_status = $4, response_body = $5 "
                        + "WHERE student_id = $1 AND key = $2")
                .execute(Tuple.of(studentId, key, bookingId, status, body)).replaceWithVoid();
    }
}
