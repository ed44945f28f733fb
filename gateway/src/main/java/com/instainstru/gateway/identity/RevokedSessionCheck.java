package com.instainstru.gateway.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Every identity made from a token (the gateway's own endpoints) is refused when its session has ended. */
@ApplicationScoped
public class RevokedSessionCheck implements SecurityIdentityAugmentor {

    @Inject
    SessionRevocations sessions;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return sessions.isRevoked(token).map(revoked -> {
            if (revoked) {
                throw new AuthenticationFailedException("the session of this token has ended");
            }
            return identity;
        });
    }
}
