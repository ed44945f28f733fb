package com.instainstru.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every identity made from a token is refused (401, as any failed authentication) when the token's
 * sign-in session has ended, in every service that has this library: within a second of the logout.
 */
@ApplicationScoped
public class EndedSessionCheck implements SecurityIdentityAugmentor {

    @Inject
    EndedSessions sessions;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return sessions.hasEnded(token).map(ended -> {
            if (ended) {
                throw new AuthenticationFailedException("the session of this token has ended");
            }
            return identity;
        });
    }
}
