package com.instainstru.gateway.routing;

import com.instainstru.gateway.identity.SigningKeys;
import com.instainstru.gateway.infra.GatewayConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;

/**
 * Tells a service that a request came through the gateway, so that it may believe the client address the
 * gateway forwards ({@code X-Forwarded-For}) for its own per-client limits: a short token (subject
 * {@code gateway}, no roles) signed with the gateway's key, sent as {@code X-Gateway-Assertion} on every
 * proxied request, signed again every minute. It is never a bearer token (no user, no role).
 */
@ApplicationScoped
public class GatewayAssertion {

    public static final String HEADER = com.instainstru.platform.limits.ReadLimits.ASSERTION;
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final long RENEW_AFTER_NANOS = Duration.ofMinutes(1).toNanos();

    @Inject
    GatewayConfig config;

    @Inject
    SigningKeys keys;

    private volatile String current;
    private volatile long signedAt;

    public String current() {
        String token = current;
        if (token == null || System.nanoTime() - signedAt > RENEW_AFTER_NANOS) {
            SigningKeys.Signing signing = keys.current();
            token = Jwt.issuer(config.tokens().issuer()).subject("gateway").groups(Set.of()).expiresIn(LIFETIME)
                    .jws().algorithm(SignatureAlgorithm.RS256).keyId(signing.keyId()).sign(signing.key());
            signedAt = System.nanoTime();
            current = token;
        }
        return token;
    }
}
