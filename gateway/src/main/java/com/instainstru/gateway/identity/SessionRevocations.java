package com.instainstru.gateway.identity;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Ended sign-in sessions, so that their access tokens stop working everywhere within a second, not when
 * they expire. Every access token carries its session id ({@code sid}: the refresh-token family of the
 * sign-in). Logout, a replayed refresh token and a password change write the ended sessions to Redis as
 * {@code session-revoked:<sid>}, kept as long as a token may live; the gateway and every service refuse
 * tokens whose session is there, each asking Redis at most once a second per session.
 *
 * <p>Redis unreachable: a revocation fails (the caller gets a 503 and can try again, the database part
 * being done and repeatable); a check lets the token through (fail open) and logs a warning: tokens live
 * 15 minutes at most, and an outage of Redis should not sign everyone out of everything.
 */
@ApplicationScoped
public class SessionRevocations {

    /** The Redis key prefix of an ended session; every service reads the same keys. */
    public static final String KEY_PREFIX = "session-revoked:";
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(300);
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_REMEMBERED = 20_000;

    @Inject
    ReactiveRedisDataSource redis;

    /** The longest lifetime a token may have (SmallRye JWT refuses longer ones): how long a revocation matters. */
    @ConfigProperty(name = "smallrye.jwt.time-to-live")
    long maxLifetimeSeconds;

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long clockSkewSeconds;

    /** A session's state as last seen, until {@code validUntil} (System.nanoTime). */
    private record Seen(boolean revoked, long validUntil) {
    }

    private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();
    private volatile long lastWarning;

    /** Ends the sessions: their access tokens are refused from now on. */
    public Uni<Void> revoke(Collection<UUID> sessions) {
        if (sessions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long keepMillis = TimeUnit.SECONDS.toMillis(maxLifetimeSeconds + clockSkewSeconds + 60);
        List<Uni<Void>> writes = sessions.stream().distinct().map(sid -> redis.value(String.class)
                .psetex(KEY_PREFIX + sid, keepMillis, "1")).toList();
        return Uni.join().all(writes).andFailFast()
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .onFailure().retry().withBackOff(Duration.ofMillis(50)).atMost(2)
                .invoke(done -> sessions.forEach(sid -> remember(sid.toString(), true)))
                .replaceWithVoid();
    }

    /** Whether the token's session has ended (false for tokens without a session, and while Redis is unreachable). */
    public Uni<Boolean> isRevoked(JsonWebToken token) {
        Object sid = token.getClaim("sid");
        if (sid == null) {
            return Uni.createFrom().item(false);
        }
        String session = sid.toString();
        Seen last = seen.get(session);
        if (last != null && (last.revoked() || last.validUntil() - System.nanoTime() > 0)) {
            return Uni.createFrom().item(last.revoked());
        }
        return redis.key().exists(KEY_PREFIX + session)
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .invoke(revoked -> remember(session, revoked))
                .onFailure().recoverWithItem(error -> {
                    warn(error);
                    return false;
                });
    }

    private void remember(String session, boolean revoked) {
        if (seen.size() >= MAX_REMEMBERED) {
            long now = System.nanoTime();
            seen.values().removeIf(s -> s.validUntil() - now <= 0);
            if (seen.size() >= MAX_REMEMBERED) {
                seen.clear();
            }
        }
        // An ended session stays ended: remembered for as long as its tokens could live.
        long keep = revoked ? TimeUnit.SECONDS.toNanos(maxLifetimeSeconds + clockSkewSeconds) : FRESH_NANOS;
        seen.put(session, new Seen(revoked, System.nanoTime() + keep));
    }

    private void warn(Throwable error) {
        long now = System.nanoTime();
        if (now - lastWarning > TimeUnit.SECONDS.toNanos(10)) {
            lastWarning = now;
            Log.warnf("Ended sessions not checked, Redis did not answer (tokens let through): %s", error.toString());
        }
    }
}
