package com.instainstru.gateway.identity;

import com.instainstru.gateway.infra.GatewayConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** bcrypt hashing and checking, off the event loop (each takes tens of milliseconds on purpose). */
@ApplicationScoped
public class Passwords {

    @Inject
    GatewayConfig config;

    /** A hash no password matches, checked when the email is unknown so that both answers take as long. */
    private String decoy;

    @PostConstruct
    void init() {
        decoy = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), config.passwords().bcryptCost());
    }

    public Uni<String> hash(String password) {
        return Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, config.passwords().bcryptCost()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Whether the password matches the hash; a null hash (no such user) is checked against the decoy and fails. */
    public Uni<Boolean> matches(String password, String hash) {
        return Uni.createFrom().item(() -> {
            boolean matches = BcryptUtil.matches(password, hash == null ? decoy : hash);
            return hash != null && matches;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Whether a configured hash is a bcrypt hash this class can check. */
    static boolean isBcrypt(String hash) {
        return hash != null && hash.matches("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    }
}
