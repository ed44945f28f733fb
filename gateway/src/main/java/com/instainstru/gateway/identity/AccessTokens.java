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

/** Signs RS256 access tokens: issuer instainstru, sub = the user's id, groups = roles. */
@ApplicationScoped
public class AccessTokens {


    @Inject
    GatewayConfig config;


    public String issue(UUID userId, List<String> roles) {
        return issue(userId, roles, config.tokens().accessTtl());
    }

    public String issue(UUID userId, List<String> roles, Duration ttl) {
        return Jwt.issuer(config.tokens().issuer()).subject(userId.toString()).groups(new HashSet<>(roles))
                .claim("jti", UUID.randomUUID().toString()).expiresIn(ttl).jws().algorithm(SignatureAlgorithm.RS256).sign();
    }

    public long ttlSeconds() {
        return config.tokens().accessTtl().toSeconds();
    }
}
