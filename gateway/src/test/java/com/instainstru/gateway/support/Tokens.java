package com.instainstru.gateway.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Test tokens signed with the test key pair under src/test/resources (never a production key). */
public final class Tokens {

    public static final UUID ADMIN_ID = UUID.fromString("00000000-0000-0000-0000-00000000a001");

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

    public static String token(UUID subject, String... roles) {
        return Jwt.issuer("instainstru").subject(subject.toString()).groups(Set.of(roles)).expiresIn(600).sign();
    }

    public static String expired(UUID subject, String role) {
        Instant past = Instant.now().minusSeconds(3600);
        return Jwt.issuer("instainstru").subject(subject.toString()).groups(role).issuedAt(past)
                .expiresAt(past.plusSeconds(60)).sign();
    }

    public static String wrongIssuer(UUID subject, String role) {
        return Jwt.issuer("someone-else").subject(subject.toString()).groups(role).sign();
    }

    public static String signedByAnotherKey(UUID subject, String role) {
        try {
            PrivateKey other = KeyUtils.readPrivateKey("otherPrivateKey.pem");
            return Jwt.issuer("instainstru").subject(subject.toString()).groups(role).sign(other);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}) claiming to be an admin. */
    public static String unsigned(UUID subject) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String payload = b64.encodeToString(("{\"iss\":\"instainstru\",\"sub\":\"" + subject
                + "\",\"groups\":[\"admin\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}").getBytes());
        return header + "." + payload + ".";
    }

    /** A valid token whose payload was then edited (the signature no longer matches). */
    public static String tampered(UUID subject) {
        String[] parts = instructor(subject).split("\\.");
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"instructor\"", "\"admin\"");
        return parts[0] + "." + b64.encodeToString(payload.getBytes()) + "." + parts[2];
    }
}
