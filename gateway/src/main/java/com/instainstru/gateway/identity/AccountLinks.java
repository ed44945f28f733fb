package com.instainstru.gateway.identity;

import com.instainstru.platform.security.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The single-use, expiring links of account emails (address verification, password reset). A link's token is 256
 * random bits; only its SHA-256 is stored. The token itself travels once, in the user-events event that asks
 * notification-service to send the message (which drops it once sent).
 */
@ApplicationScoped
public class AccountLinks {

    public static final String VERIFY_EMAIL = "verify-email";
    public static final String PASSWORD_RESET = "password-reset";

    @Inject
    Clock clock;

    /** A link made for the user: its token (to send) and when it expires. */
    public record Link(String token, Instant expiresAt) {
    }

    /** A link spent: whose it was and the address it was sent to. */
    public record Spent(UUID userId, String email) {
    }

    /** Makes a link on the transaction {@code tx}. */
    public Uni<Link> issue(SqlClient tx, UUID userId, String purpose, String email, Duration ttl) {
        String token = OpaqueTokens.newToken();
        Instant expires = clock.instant().plus(ttl);
        return tx.preparedQuery("INSERT INTO account_links (token_hash, user_id, purpose, email, expires_at) "
                        + "VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(Buffer.buffer(OpaqueTokens.sha256(token)), userId, purpose, email, utc(expires)))
                .replaceWith(new Link(token, expires));
    }

    /** Spends the link of this token and purpose if it is unused and unexpired (empty: invalid, used or expired). */
    public Uni<Optional<Spent>> spend(SqlClient tx, String token, String purpose) {
        return tx.preparedQuery("UPDATE account_links SET used_at = $3 WHERE token_hash = $1 AND purpose = $2 "
                        + "AND used_at IS NULL AND expires_at > $3 RETURNING user_id, email")
                .execute(Tuple.of(Buffer.buffer(OpaqueTokens.sha256(token)), purpose, utc(clock.instant())))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Spent(r.getUUID("user_id"), r.getString("email")));
                });
    }

    /** Spends every open link of the user for the purpose (a new password makes older reset links useless). */
    public Uni<Void> spendAll(SqlClient tx, UUID userId, String purpose) {
        return tx.preparedQuery("UPDATE account_links SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL")
                .execute(Tuple.of(userId, purpose, utc(clock.instant()))).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
