package com.instainstru.gateway.identity;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The gateway's signing keys, each with a key id ({@code kid}): the current one signs every token (its id in the
 * token's header), and all of them are published as a JWK set ({@code GET /api/v1/auth/jwks}), from which the
 * services verify (the gateway verifies from the same keys in memory: {@link OwnKeysParser}). Rotation without a restart (deploy/kubernetes/README.md, "Rotating the signing key"): add the new
 * key to {@code gateway.signing.keys-dir} (published at once), make it {@code current} once the services have
 * fetched it, remove the old one when its last tokens have expired (15 minutes).
 *
 * <p>Without a directory, the one key of {@code smallrye.jwt.sign.key.location} signs, its id the RFC 7638
 * thumbprint of its public half.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Pattern KEY_FILE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,63})\\.pem");

    /** The key that signs, and its id. */
    public record Signing(String keyId, PrivateKey key) {
    }

    private record Keys(Signing current, Map<String, PublicKey> published, String jwks) {
    }

    @Inject
    SigningConfig config;

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    Optional<String> singleKeyLocation;

    private volatile Keys keys;

    @PostConstruct
    void init() {
        keys = load();
        Log.infof("Access tokens are signed with key %s", keys.current().keyId());
    }

    /** The key that signs now. */
    public Signing current() {
        return keys.current();
    }

    /** The public half of a published key, or null when no key has that id. */
    public PublicKey publicKey(String keyId) {
        return keys.published().get(keyId);
    }

    /** Whether keys come from a directory (then every token the gateway signed names its key). */
    public boolean fromDirectory() {
        return config.keysDir().isPresent();
    }

    /** Every published key's public half, as a JWK set (JSON). */
    public String jwks() {
        return keys.jwks();
    }

    @Scheduled(every = "${gateway.signing.reload:10s}", delayed = "10s")
    void reload() {
        if (config.keysDir().isEmpty()) {
            return;
        }
        try {
            Keys loaded = load();
            if (!loaded.jwks().equals(keys.jwks()) || !loaded.current().keyId().equals(keys.current().keyId())) {
                Log.infof("Signing keys changed: tokens are now signed with %s", loaded.current().keyId());
                keys = loaded;
            }
        } catch (RuntimeException e) {
            // A half-written Secret update: keep signing with what worked, try again at the next round.
            Log.warnf("Signing keys not reloaded (the previous ones stay): %s", e.getMessage());
        }
    }

    private Keys load() {
        Map<String, PrivateKey> byId = new TreeMap<>();
        String current;
        if (config.keysDir().isPresent()) {
            Path dir = config.keysDir().get();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    var name = KEY_FILE.matcher(file.getFileName().toString());
                    if (name.matches() && Files.isRegularFile(file)) {
                        byId.put(name.group(1), KeyUtils.decodePrivateKey(Files.readString(file, StandardCharsets.US_ASCII)));
                    }
                }
                current = Files.readString(dir.resolve("current"), StandardCharsets.US_ASCII).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the signing keys in " + dir, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("a signing key in " + dir + " is not an RSA private key in PEM", e);
            }
            if (!byId.containsKey(current)) {
                throw new IllegalStateException(dir + "/current names " + current + ", but there is no " + current
                        + ".pem (keys: " + byId.keySet() + ")");
            }
        } else {
            String location = singleKeyLocation.orElseThrow(() -> new IllegalStateException(
                    "no signing key: set gateway.signing.keys-dir (GATEWAY_SIGNING_KEYS_DIR) or JWT_PRIVATE_KEY_LOCATION"));
            try {
                // A file (as JWT_PRIVATE_KEY_LOCATION gives it), else a class-path resource (the tests' privateKey.pem).
                Path file = Path.of(location);
                PrivateKey key = Files.isRegularFile(file)
                        ? KeyUtils.decodePrivateKey(Files.readString(file, StandardCharsets.US_ASCII))
                        : KeyUtils.readPrivateKey(location);
                current = jwk(key, null).calculateBase64urlEncodedThumbprint("SHA-256");
                byId.put(current, key);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the signing key " + location, e);
            }
        }
        List<JsonWebKey> jwks = new ArrayList<>();
        Map<String, PublicKey> published = new TreeMap<>();
        byId.forEach((id, key) -> {
            RsaJsonWebKey jwk = jwk(key, id);
            jwks.add(jwk);
            published.put(id, jwk.getPublicKey());
        });
        return new Keys(new Signing(current, byId.get(current)), Map.copyOf(published),
                new JsonWebKeySet(jwks).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    /** The public half of an RSA private key as a JWK for RS256 signatures. */
    private static RsaJsonWebKey jwk(PrivateKey key, String id) {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalStateException("the signing key " + id + " is not an RSA key");
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
            if (id != null) {
                jwk.setKeyId(id);
            }
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            return jwk;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the public half of key " + id, e);
        }
    }
}
