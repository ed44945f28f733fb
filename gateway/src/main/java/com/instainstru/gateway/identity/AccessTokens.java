package com.instainstru.gateway.identity;

import com.instainstru.gateway.infra.GatewayConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Signs RS256 access tokens: issuer instainstru, sub = the user's id, groups = roles. */
@ApplicationScoped
public class AccessTokens {

    private static final Duration SERVICE_TOKEN_TTL = Duration.ofMinutes(5);

    @Inject
    GatewayConfig config;

    private volatile String serviceToken;
    private volatile Instant serviceTokenRenewAt = Instant.EPOCH;

    public String issue(UUID userId, List<String> roles) {
        return issue(userId, roles, config.tokens().accessTtl());
    }

    public String issue(UUID userId, List<String> roles, Duration ttl) {
        return Jwt.issuer(config.tokens().issuer()).subject(userId.toString()).groups(new HashSet<>(roles))
                .claim("jti", UUID.randomUUID().toString()).expiresIn(ttl).jws().algorithm(SignatureAlgorithm.RS256).sign();
    }

    /**
     * The gateway's own short-lived admin token, for the admin-only analytics it shows on the homepage
     * (trending services and searches). Renewed a minute before it expires.
     */
    public String serviceToken() {
        if (Instant.now().isAfter(serviceTokenRenewAt)) {
            serviceToken = issue(UUID.fromString(config.tokens().serviceSubject()), List.of("admin"), SERVICE_TOKEN_TTL);
            serviceTokenRenewAt = Instant.now().plus(SERVICE_TOKEN_TTL).minusSeconds(60);
        }
        return serviceToken;
    }

    public long ttlSeconds() {
        return config.tokens().accessTtl().toSeconds();
    }
}
