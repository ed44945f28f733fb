package com.instainstru.gateway.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The keys that sign access tokens (prefix {@code gateway.signing}; environment e.g. GATEWAY_SIGNING_KEYS_DIR).
 * Without a directory the one key of {@code smallrye.jwt.sign.key.location} (JWT_PRIVATE_KEY_LOCATION) signs.
 */
@ConfigMapping(prefix = "gateway.signing")
public interface SigningConfig {

    /**
     * A directory of RS256 private keys in PEM, {@code <key id>.pem}, and a file {@code current} naming the key id
     * that signs (a Kubernetes Secret mounted as a volume). Every key in it is published in the JWK set; the
     * directory is read again every {@link #reload()}, so a key is added, made current or retired without a restart.
     */
    Optional<Path> keysDir();

    /** How often the directory is read again. */
    @WithDefault("10s")
    Duration reload();
}
