package com.instainstru.gateway.identity;

import com.instainstru.gateway.infra.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Admins are never created by sign-up: the admin account comes from configuration
 * (gateway.admin.email and gateway.admin.password-hash, a bcrypt hash, e.g. from a Secret). At each
 * start it is created, or the account of that email gets the admin role and that password.
 */
@ApplicationScoped
public class AdminBootstrap {

    @Inject
    GatewayConfig config;

    @Inject
    Pool db;

    @Inject
    UserRepository users;

    void onStart(@Observes StartupEvent event) {
        String email = config.admin().email().map(String::strip).filter(e -> !e.isEmpty()).orElse(null);
        String hash = config.admin().passwordHash().map(String::strip).filter(h -> !h.isEmpty()).orElse(null);
        if (email == null && hash == null) {
            return;
        }
        if (email == null || !email.matches(AuthRequests.EMAIL) || !Passwords.isBcrypt(hash)) {
            throw new IllegalStateException("gateway.admin.email must be an email address and gateway.admin.password-hash "
                    + "a bcrypt hash ($2a$/$2b$/$2y$); the admin account was not set up");
        }
        users.upsertAdmin(db, AuthService.normalise(email), config.admin().name(), Passwords.canonical(hash))
                .await().atMost(Duration.ofSeconds(30));
        Log.infof("Admin account %s is set up from configuration", AuthService.normalise(email));
    }
}
