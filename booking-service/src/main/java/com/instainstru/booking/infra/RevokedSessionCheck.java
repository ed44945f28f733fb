package com.instainstru.booking.infra;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) a token whose sign-in session has ended: the gateway writes an ended session's id
 * ({@code sid} in every access token) to Redis as {@code session-revoked:<sid>} on logout, a replayed
 * refresh token and a password change. Redis is asked at most once a second per session; an ended
 * session is remembered. If Redis does not answer in 300 ms the token is let through (fail open, with a
 * warning): tokens live at most {@code smallrye.jwt.time-to-live} (15 minutes), which SmallRye JWT enforces,
 * and a Redis outage must not sign everyone out.
 */
@ApplicationScoped
public class RevokedSessionCheck implements SecurityIdentityAugmentor {

    /** Written by the gateway; the same key in every service. */
    static final String KEY_PREFIX = "session-revoked:";
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(300);
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_REMEMBERED = 20_000;

    @Inject
    ReactiveRedisDataSource redis;

    @ConfigProperty(name = "smallrye.jwt.time-to-live")
    long maxLifetimeSeconds;

    /** A session as last seen, valid until {@code until} (System.nanoTime). */
    private record Seen(boolean revoked, long until) {
    }

    private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();
    private volatile long lastWarning;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getClaim("sid") == null) {
            return Uni.createFrom().item(identity);
        }
        return revoked(token.getClaim("sid").toString()).map(revoked -> {
            if (revoked) {
                throw new AuthenticationFailedException("the session of this token has ended");
            }
            return identity;
        });
    }

    private Uni<Boolean> revoked(String session) {
        Seen last = seen.get(session);
        if (last != null && (last.revoked() || last.until() - System.nanoTime() > 0)) {
            return Uni.createFrom().item(last.revoked());
        }
        return redis.key().exists(KEY_PREFIX + session)
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .invoke(revoked -> remember(session, revoked))
                .onFailure().recoverWithItem(error -> {
                    long now = System.nanoTime();
                    if (now - lastWarning > TimeUnit.SECONDS.toNanos(10)) {
                        lastWarning = now;
                        Log.warnf("Ended sessions not checked, Redis did not answer (tokens let through): %s", error);
                    }
                    return false;
                });
    }

    private void remember(String session, boolean revoked) {
        if (seen.size() >= MAX_REMEMBERED) {
            long now = System.nanoTime();
            seen.values().removeIf(s -> s.until() - now <= 0);
            if (seen.size() >= MAX_REMEMBERED) {
                seen.clear();
            }
        }
        long keep = revoked ? TimeUnit.SECONDS.toNanos(maxLifetimeSeconds + 60) : FRESH_NANOS;
        seen.put(session, new Seen(revoked, System.nanoTime() + keep));
    }
}
