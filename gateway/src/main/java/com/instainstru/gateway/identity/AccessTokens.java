package com.instainstru.gateway.identity;

import com.instainstru.gateway.infra.GatewayConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Signs RS256 access tokens with the current signing key (its id in the header, {@link SigningKeys}): issuer instainstru, sub = the user's id, groups = roles, sid = the sign-in
 * session (refresh-token family) the token belongs to, so that ending the session ends the token too
 * (see {@link SessionRevocations}).
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    GatewayConfig config;

    @Inject
    SigningKeys keys;

    /** A token of the user's sign-in {@code sessionId}, for the configured access-token lifetime. */
    public String issue(UUID userId, List<String> roles, UUID sessionId) {
        return sign(userId, roles, config.tokens().accessTtl(), sessionId);
    }

    /** A short token the gateway uses itself on the user's behalf (no sign-in session behind it). */
    public String issue(UUID userId, List<String> roles, Duration ttl) {
        return sign(userId, roles, ttl, null);
    }

    private String sign(UUID userId, List<String> roles, Duration ttl, UUID sessionId) {
        var claims = Jwt.issuer(config.tokens().issuer()).subject(userId.toString()).groups(new HashSet<>(roles))
                .claim("jti", UUID.randomUUID().toString());
        if (sessionId != null) {
            claims.claim("sid", sessionId.toString());
        }
        SigningKeys.Signing signing = keys.current();
        return claims.expiresIn(ttl).jws().algorithm(SignatureAlgorithm.RS256).keyId(signing.keyId()).sign(signing.key());
    }

    public long ttlSeconds() {
        return config.tokens().accessTtl().toSeconds();
    }
}
