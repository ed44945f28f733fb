package com.instainstru.platform.test;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens for tests, as the gateway issues them (issuer {@code instainstru}, the roles in {@code groups}),
 * signed RS256 with the test key pair of this module ({@code privateKey.pem}, {@code publicKey.pem} on the test
 * classpath: never a production key; every service's {@code %test} profile trusts it), and the bad tokens every
 * service must refuse. The keys are read once per JVM; {@link #publicKeyFile()} hands the public key to a service
 * started as a process ({@link ServiceJvm} does).
 */
public final class Tokens {

    public static final String ISSUER = "instainstru";
    public static final UUID ADMIN_ID = UUID.fromString("00000000-0000-0000-0000-00000000a001");

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    public static String instructor(UUID id) {
        return token(id, "instructor");
    }

    public static String student(UUID id) {
        return token(id, "student");
    }

    public static String admin() {
        return token(ADMIN_ID, "admin");
    }

    /** A token of these roles living ten minutes. */
    public static String token(UUID subject, String... roles) {
        return sign(claims(subject, roles).expiresIn(600));
    }

    /** A token issued now that lives this long (the services refuse one living over 15 minutes). */
    public static String lasting(UUID subject, String role, Duration lifetime) {
        Instant now = Instant.now();
        return sign(claims(subject, role).issuedAt(now).expiresAt(now.plus(lifetime)));
    }

    /** Issued an hour ago, expired 59 minutes ago. */
    public static String expired(UUID subject, String role) {
        Instant past = Instant.now().minusSeconds(3600);
        return sign(claims(subject, role).issuedAt(past).expiresAt(past.plusSeconds(60)));
    }

    public static String wrongIssuer(UUID subject, String role) {
        return sign(Jwt.issuer("someone-else").subject(subject.toString()).groups(role));
    }

    /** Signed with a key pair made for this JVM, which no service trusts. */
    public static String signedByAnotherKey(UUID subject, String role) {
        return claims(subject, role).sign(Keys.OTHER);
    }

    /** An unsigned token ({@code alg: none}) claiming to be an admin. */
    public static String unsigned(UUID subject) {
        String header = base64url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64url("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject
                + "\",\"groups\":[\"admin\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        return header + "." + payload + ".";
    }

    /** A valid instructor's token whose payload was then edited to say admin (the signature no longer matches). */
    public static String tampered(UUID subject) {
        String[] parts = instructor(subject).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"instructor\"", "\"admin\"");
        return parts[0] + "." + base64url(payload) + "." + parts[2];
    }

    /** The claims every test token starts from: the issuer, the subject and its roles. */
    public static JwtClaimsBuilder claims(UUID subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject.toString()).groups(Set.of(roles));
    }

    /** Signs any claims with the test private key. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(Keys.PRIVATE);
    }

    /** The test public key as a file, for a service started as a process ({@code JWT_PUBLIC_KEY_LOCATION}). */
    public static Path publicKeyFile() {
        return Keys.FILES.resolve("publicKey.pem");
    }

    /** The test private key as a file, for a gateway started as a process ({@code JWT_PRIVATE_KEY_LOCATION}). */
    public static Path privateKeyFile() {
        return Keys.FILES.resolve("privateKey.pem");
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Made once per JVM, when a test first asks. */
    private static final class Keys {

        static final PrivateKey PRIVATE = readPrivateKey();
        static final PrivateKey OTHER = generatePrivateKey();
        static final Path FILES = copyToFiles("privateKey.pem", "publicKey.pem");

        private static PrivateKey readPrivateKey() {
            try {
                return KeyUtils.readPrivateKey("privateKey.pem");
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("the test private key (privateKey.pem of platform-test)", e);
            }
        }

        private static PrivateKey generatePrivateKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair().getPrivate();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The class path may be a jar: a process needs the keys as files. */
        private static Path copyToFiles(String... resources) {
            try {
                Path directory = Files.createTempDirectory("instainstru-test-keys");
                directory.toFile().deleteOnExit();
                for (String resource : resources) {
                    Path file = directory.resolve(resource);
                    try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new IllegalStateException(resource + " is not on the class path (platform-test has it)");
                        }
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                    file.toFile().deleteOnExit();
                }
                return directory;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
