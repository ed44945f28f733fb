package com.instainstru.gateway.identity;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens, by the SHA-256 of the opaque token (the token itself is never stored). */
@ApplicationScoped
public class RefreshTokenRepository {

    /** A stored refresh token's state. */
    public record Stored(UUID familyId, UUID userId, OffsetDateTime expiresAt, boolean spent, boolean revoked) {
    }

    public Uni<Void> insert(SqlClient db, byte[] hash, UUID familyId, UUID userId, OffsetDateTime expiresAt) {
        return db.preparedQuery("INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(Buffer.buffer(hash), familyId, userId, expiresAt))
                .replaceWithVoid();
    }

    /** The token, locked until the transaction ends (two refreshes with one token are decided one after the other). */
    public Uni<Optional<Stored>> lock(SqlClient db, byte[] hash) {
        return db.preparedQuery("""
                        SELECT family_id, user_id, expires_at, spent_at IS NOT NULL AS spent, revoked_at IS NOT NULL AS revoked
                        FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE""")
                .execute(Tuple.of(Buffer.buffer(hash)))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Stored(r.getUUID("family_id"), r.getUUID("user_id"),
                            r.getOffsetDateTime("expires_at"), r.getBoolean("spent"), r.getBoolean("revoked")));
                });
    }

    public Uni<Void> markSpent(SqlClient db, byte[] hash) {
        return db.preparedQuery("UPDATE refresh_tokens SET spent_at = now() WHERE token_hash = $1")
                .execute(Tuple.of(Buffer.buffer(hash))).replaceWithVoid();
    }

    public Uni<Void> revokeFamily(SqlClient db, UUID familyId) {
        return db.preparedQuery("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(familyId)).replaceWithVoid();
    }

    /** Revokes every refresh token of the user; answers the sign-in sessions (families) that were still open. */
    public Uni<java.util.Set<UUID>> revokeAllOf(SqlClient db, UUID userId) {
        return db.preparedQuery("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL "
                        + "RETURNING family_id")
                .execute(Tuple.of(userId)).map(rows -> {
                    java.util.Set<UUID> families = new java.util.HashSet<>();
                    rows.forEach(r -> families.add(r.getUUID("family_id")));
                    return families;
                });
    }

    /** Removes tokens that expired long ago (their families can no longer be used anyway). */
    public Uni<Integer> purgeExpired(SqlClient db, OffsetDateTime before) {
        return db.preparedQuery("DELETE FROM refresh_tokens WHERE expires_at < $1").execute(Tuple.of(before))
                .map(rows -> rows.rowCount());
    }
}
