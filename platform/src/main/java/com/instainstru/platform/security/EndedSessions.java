package com.instainstru.platform.security;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which sign-in sessions have ended. Every access token carries its session id ({@code sid}); the gateway
 * writes an ended session (logout, a replayed refresh token, a password change) to Redis as
 * {@code session-revoked:<sid>}, kept as long as a token may live. This asks Redis at most once a second
 * per session and remembers an ended session for good.
 *
 * <p>If Redis does not answer in 300 ms the session counts as open (fail open, with a warning at most
 * every 10 s): tokens live at most {@code smallrye.jwt.time-to-live} (15 minutes), which SmallRye JWT
 * enforces, and a Redis outage must not sign everyone out of everything.
 */
@ApplicationScoped
public class EndedSessions {

    /** The Redis key prefix of an ended session: the gateway writes it, every service reads it. */
    public static final String KEY_PREFIX = "session-revoked:";
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(300);
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_REMEMBERED = 20_000;

    @Inject
    ReactiveRedisDataSource redis;

    /** The longest lifetime a token may have: how long an ended session matters. */
    @ConfigProperty(name = "smallrye.jwt.time-to-live")
    long maxLifetimeSeconds;

    /** A session as last seen, valid until {@code until} (System.nanoTime). */
    private record Seen(boolean ended, long until) {
    }

    private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();
    private volatile long lastWarning;

    /** Whether the token's session has ended (false for a token without a session). */
    public Uni<Boolean> hasEnded(JsonWebToken token) {
        Object sid = token.getClaim("sid");
        if (sid == null) {
            return Uni.createFrom().item(false);
        }
        String session = sid.toString();
        Seen last = seen.get(session);
        if (last != null && (last.ended() || last.until() - System.nanoTime() > 0)) {
            return Uni.createFrom().item(last.ended());
        }
        return redis.key().exists(KEY_PREFIX + session)
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .invoke(ended -> remember(session, ended))
                .onFailure().recoverWithItem(error -> {
                    warn(error);
                    return false;
                });
    }

    /** How long the gateway keeps an ended session in Redis: as long as any of its tokens could be accepted. */
    public Duration keepFor() {
        return Duration.ofSeconds(maxLifetimeSeconds + 120); // + the verifier's clock skew (60 s) and margin
    }

    /** Records locally that a session has ended (the gateway, right after writing it to Redis). */
    public void ended(String session) {
        remember(session, true);
    }

    private void remember(String session, boolean ended) {
        if (seen.size() >= MAX_REMEMBERED) {
            long now = System.nanoTime();
            seen.values().removeIf(s -> s.until() - now <= 0);
            if (seen.size() >= MAX_REMEMBERED) {
                seen.clear();
            }
        }
        long keep = ended ? keepFor().toNanos() : FRESH_NANOS;
        seen.put(session, new Seen(ended, System.nanoTime() + keep));
    }

    private void warn(Throwable error) {
        long now = System.nanoTime();
        if (now - lastWarning > TimeUnit.SECONDS.toNanos(10)) {
            lastWarning = now;
            Log.warnf("Ended sessions not checked, Redis did not answer (tokens let through): %s", error);
        }
    }
}
