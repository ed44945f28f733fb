package com.instainstru.gateway.identity;

import static com.instainstru.gateway.support.Api.as;
import static com.instainstru.gateway.support.Api.login;
import static com.instainstru.gateway.support.Api.register;
import static com.instainstru.gateway.support.Api.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The signing key rotates without a restart: the gateway signs with the key its keys directory calls
 * {@code current} (its id in each token's header), publishes every key of the directory as a JWK set, and reads the
 * directory again (here every second). The gateway verifies with the same keys, in memory (OwnKeysParser): a token
 * signed with a key added and made current while it runs is accepted, one naming no key or an unknown key is not.
 * (The services verify from the published set over HTTP: e2e-tests run them so.)
 */
@QuarkusTest
@TestProfile(SigningKeyRotationTest.RotatingKeys.class)
class SigningKeyRotationTest {

    /** A fixed place (the profile and the test may run in different class loaders): made afresh by the profile. */
    static final Path DIR = Path.of("target", "rotating-signing-keys").toAbsolutePath();

    public static class RotatingKeys implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                if (Files.exists(DIR)) {
                    try (var files = Files.list(DIR)) {
                        for (Path file : files.toList()) {
                            Files.delete(file);
                        }
                    }
                }
                Files.createDirectories(DIR);
                write("2026-first", rsa());
                write("2026-second", rsa());
                Files.writeString(DIR.resolve("current"), "2026-first\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("gateway.signing.keys-dir", DIR.toString(), "gateway.signing.reload", "1s");
        }
    }

    @Test
    void tokensAreSignedWithTheCurrentKeyAndVerifiedFromThePublishedSetWhileKeysRotate() throws Exception {
        JsonPath jwks = given().get("/api/v1/auth/jwks").then().statusCode(200).header("Cache-Control", "public, max-age=60")
                .extract().jsonPath();
        assertThat(jwks.getList("keys.kid")).containsExactly("2026-first", "2026-second");
        assertThat(jwks.getList("keys.alg")).containsOnly("RS256");
        assertThat(jwks.getList("keys.d")).as("no private part is published").containsOnly((Object) null);
        assertThat(publicKey(jwks, "2026-first")).isEqualTo(publicKeyOnDisk("2026-first"));
        assertThat(publicKey(jwks, "2026-second")).isEqualTo(publicKeyOnDisk("2026-second"));

        String email = uniqueEmail("Rotating");
        register(email, "student", "Ria Tan");
        String first = login(email);
        assertThat(header(first).getString("kid")).isEqualTo("2026-first");
        assertThat(verifies(first, publicKeyOnDisk("2026-first"))).isTrue();
        as(first).get("/api/v1/auth/me").then().statusCode(200);

        // The second key, published from the start, becomes current: no restart.
        Files.writeString(DIR.resolve("current"), "2026-second\n");
        String second = await("tokens signed with the second key").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(300)).until(() -> login(email), t -> "2026-second".equals(header(t).getString("kid")));
        assertThat(verifies(second, publicKeyOnDisk("2026-second"))).isTrue();
        as(second).get("/api/v1/auth/me").then().statusCode(200);
        as(first).get("/api/v1/auth/me").then().statusCode(200); // the first key's tokens live on until they expire

        // A third key, added and made current at once.
        write("2026-third", rsa());
        Files.writeString(DIR.resolve("current"), "2026-third\n");
        String third = await("tokens signed with the third key").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(300)).until(() -> login(email), t -> "2026-third".equals(header(t).getString("kid")));
        assertThat(verifies(third, publicKeyOnDisk("2026-third"))).isTrue();
        assertThat(given().get("/api/v1/auth/jwks").then().statusCode(200).extract().jsonPath().getList("keys.kid"))
                .containsExactly("2026-first", "2026-second", "2026-third");
        as(third).get("/api/v1/auth/me").then().statusCode(200);

        // Tokens naming no key, or a key the gateway does not publish, are refused.
        PrivateKey thirdKey = KeyUtils.decodePrivateKey(Files.readString(DIR.resolve("2026-third.pem")));
        String unnamed = Jwt.issuer("instainstru").subject(UUID.randomUUID().toString()).groups("student")
                .jws().sign(thirdKey);
        as(unnamed).get("/api/v1/auth/me").then().statusCode(401);
        String unknown = Jwt.issuer("instainstru").subject(UUID.randomUUID().toString()).groups("student")
                .jws().keyId("2026-unknown").sign(rsa().getPrivate());
        as(unknown).get("/api/v1/auth/me").then().statusCode(401);

        // A current key that does not exist is refused; the gateway goes on signing with the last good one.
        Files.writeString(DIR.resolve("current"), "2026-missing\n");
        Thread.sleep(2500);
        assertThat(header(login(email)).getString("kid")).isEqualTo("2026-third");
    }

    private static JsonPath header(String token) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    private static boolean verifies(String token, PublicKey key) throws Exception {
        String[] parts = token.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static RSAPublicKey publicKey(JsonPath jwks, String kid) throws Exception {
        Base64.Decoder url = Base64.getUrlDecoder();
        BigInteger n = new BigInteger(1, url.decode(jwks.getString("keys.find { it.kid == '" + kid + "' }.n")));
        BigInteger e = new BigInteger(1, url.decode(jwks.getString("keys.find { it.kid == '" + kid + "' }.e")));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    /** The public half of a key file of the directory. */
    private static PublicKey publicKeyOnDisk(String kid) throws Exception {
        String pem = Files.readString(DIR.resolve(kid + ".pem"), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    private static void write(String kid, KeyPair pair) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path tmp = DIR.resolve("." + kid + ".tmp");
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        Files.move(tmp, DIR.resolve(kid + ".pem"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
