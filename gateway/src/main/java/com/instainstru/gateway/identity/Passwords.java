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
            boolean matches = BcryptUtil.matches(password, hash == null ? decoy : canonical(hash));
            return hash != null && matches;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * The hash with the {@code $2a$} prefix Elytron reads: {@code $2b$} (OpenBSD, Python's crypt,
     * libxcrypt) and {@code $2y$} (PHP, htpasswd) name the same algorithm for the passwords we accept.
     */
    static String canonical(String hash) {
        return hash != null && (hash.startsWith("$2b$") || hash.startsWith("$2y$")) ? "$2a$" + hash.substring(4) : hash;
    }

    /** Whether a configured hash is a bcrypt hash this class can check. */
    static boolean isBcrypt(String hash) {
        return hash != null && hash.matches("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    }
}
