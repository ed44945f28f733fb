package com.instainstru.gateway.instructor;

import com.instainstru.gateway.identity.AccessTokens;
import com.instainstru.gateway.infra.GatewayConfig;
import com.instainstru.gateway.routing.ServiceClient;
import com.instainstru.platform.web.Caller;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every instructor who signs up gets their catalog-service profile (id = user id, the name they
 * signed up with). The wish is written in the sign-up transaction (pending_instructor_profiles);
 * the profile is asked for at once, and when catalog-service cannot take it the row stays and
 * {@link #retryDue()} asks again with growing waits until it succeeds, so no profile is lost. A
 * profile the instructor already filled in themselves is never overwritten.
 */
@ApplicationScoped
public class InstructorProfiles {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration TOKEN_TTL = Duration.ofMinutes(2);
    private static final String ME = "/api/v1/instructors/me";
    private static final int BATCH = 20;

    @Inject
    Pool db;

    @Inject
    ServiceClient services;

    @Inject
    AccessTokens tokens;

    @Inject
    GatewayConfig config;

    /** Records, in the caller's transaction, that the user's profile is to be created. */
    public Uni<Void> queue(SqlClient tx, UUID userId, String name) {
        return tx.preparedQuery("INSERT INTO pending_instructor_profiles (user_id, name) VALUES ($1, $2)")
                .execute(Tuple.of(userId, name)).replaceWithVoid();
    }

    /** Asks catalog-service now; true when the profile exists there (the pending row is then gone). */
    public Uni<Boolean> createNow(UUID userId, String name) {
        return attempt(userId, name);
    }

    /** Tries the pending profiles whose time has come; each is claimed first, so two pods never try the same one. */
    @Scheduled(every = "${gateway.instructor-profiles.retry-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retryDue() {
        return db.preparedQuery("""
                        UPDATE pending_instructor_profiles SET next_attempt_at = now() + interval '1 minute'
                        WHERE user_id IN (SELECT user_id FROM pending_instructor_profiles WHERE next_attempt_at <= now()
                                          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
                        RETURNING user_id, name""")
                .execute(Tuple.of(BATCH))
                .flatMap(rows -> {
                    List<Uni<Boolean>> attempts = new ArrayList<>();
                    for (Row row : rows) {
                        attempts.add(attempt(row.getUUID("user_id"), row.getString("name")));
                    }
                    return attempts.isEmpty() ? Uni.createFrom().voidItem()
                            : Uni.join().all(attempts).andCollectFailures().replaceWithVoid();
                })
                .onFailure().invoke(e -> Log.warnf("Pending instructor profiles not tried: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Boolean> attempt(UUID userId, String name) {
        String token = tokens.issue(userId, List.of(Caller.INSTRUCTOR), TOKEN_TTL);
        Future<Boolean> done = services.call("catalog", HttpMethod.GET, ME, token, null, CALL_TIMEOUT)
                .compose(existing -> {
                    if (existing.ok()) {
                        return Future.succeededFuture(true); // already there: the instructor's own version wins
                    }
                    if (existing.status() != 404) {
                        return Future.failedFuture(new IllegalStateException("GET profile answered " + existing.status()));
                    }
                    Buffer body = new JsonObject().put("name", name).toBuffer();
                    return services.call("catalog", HttpMethod.PUT, ME, token, body, CALL_TIMEOUT).compose(put -> put.ok()
                            ? Future.succeededFuture(true)
                            : Future.failedFuture(new IllegalStateException("PUT profile answered " + put.status())));
                });
        return Uni.createFrom().completionStage(done.toCompletionStage())
                .flatMap(ok -> db.preparedQuery("DELETE FROM pending_instructor_profiles WHERE user_id = $1")
                        .execute(Tuple.of(userId)).replaceWith(true))
                .onFailure().recoverWithUni(error -> postpone(userId, error));
    }

    private Uni<Boolean> postpone(UUID userId, Throwable error) {
        Log.warnf("Instructor profile %s not created in catalog-service yet (%s); it will be tried again", userId,
                error.getMessage());
        return db.preparedQuery("""
                        UPDATE pending_instructor_profiles SET attempts = attempts + 1, last_error = $2,
                            next_attempt_at = now() + least(make_interval(secs => 10 * power(2, least(attempts, 16))),
                                                            make_interval(secs => $3))
                        WHERE user_id = $1""")
                .execute(Tuple.of(userId, String.valueOf(error.getMessage()), config.instructorProfiles().maxBackoff().toSeconds()))
                .replaceWith(false)
                .onFailure().recoverWithItem(false);
    }
}
