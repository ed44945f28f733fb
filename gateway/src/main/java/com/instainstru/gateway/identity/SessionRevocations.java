package com.instainstru.gateway.identity;

import com.instainstru.platform.security.EndedSessions;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Ends sign-in sessions, so that their access tokens stop working everywhere within a second, not when
 * they expire: each ended session is written to Redis as {@code session-revoked:<sid>} for as long as a
 * token may live, which the gateway and every service read ({@link EndedSessions}, the platform library).
 * If Redis cannot be written, the revocation fails (after two retries) and so does the caller's request
 * (a 503): the database part is done and repeating the request writes Redis again.
 */
@ApplicationScoped
public class SessionRevocations {

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    EndedSessions ended;

    public Uni<Void> revoke(Collection<UUID> sessions) {
        if (sessions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long keepMillis = ended.keepFor().toMillis();
        List<Uni<Void>> writes = sessions.stream().distinct().map(sid -> redis.value(String.class)
                .psetex(EndedSessions.KEY_PREFIX + sid, keepMillis, "1")).toList();
        return Uni.join().all(writes).andFailFast()
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .onFailure().retry().withBackOff(Duration.ofMillis(50)).atMost(2)
                .invoke(done -> sessions.forEach(sid -> ended.ended(sid.toString())))
                .replaceWithVoid();
    }
}
