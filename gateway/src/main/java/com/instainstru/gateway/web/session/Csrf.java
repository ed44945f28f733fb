package com.instainstru.gateway.web.session;

import com.instainstru.gateway.web.WebConfig;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSRF protection of the web app's forms: a signed double-submit token. Each browser gets a random value
 * in an HttpOnly, SameSite=Lax cookie; every form carries the HMAC of that value under a server key. A
 * post is accepted only when its token is the HMAC of its own cookie: another site can neither read the
 * cookie nor compute the signature (a cookie planted from a sibling domain fails too).
 */
@ApplicationScoped
public class Csrf {

    /** The form field (and the header htmx sends) holding the token. */
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String SEED = "web.csrf-seed";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long COOKIE_MAX_AGE = 60L * 60 * 24 * 365;

    @Inject
    WebConfig web;

    @Inject
    SessionCookies cookies;

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    String signingKeyLocation;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        key = new SecretKeySpec(web.csrfSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(this::derivedKey),
                "HmacSHA256");
        if (key.getEncoded().length < 32) {
            throw new IllegalStateException("gateway.web.csrf-secret must be at least 32 characters");
        }
    }

    /** Gives the browser its CSRF cookie when it has none (or a malformed one); called for every page. */
    public void ensureCookie(RoutingContext rc) {
        String seed = cookies.read(rc, SessionCookies.CSRF);
        if (seed == null || !wellFormed(seed)) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            seed = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            rc.response().addCookie(cookies.cookie(rc, SessionCookies.CSRF, seed, COOKIE_MAX_AGE));
        }
        rc.put(SEED, seed);
    }

    /** The token this page's forms must carry. */
    public String token(RoutingContext rc) {
        String seed = rc.get(SEED);
        return seed == null ? "" : sign(seed);
    }

    /** Whether a post carries the token of the cookie it came with. */
    public boolean accepts(RoutingContext rc, String submitted) {
        String seed = cookies.read(rc, SessionCookies.CSRF);
        if (seed == null || submitted == null || !wellFormed(seed)) {
            return false;
        }
        return MessageDigest.isEqual(sign(seed).getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String seed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(seed.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean wellFormed(String seed) {
        return seed.length() == 43 && seed.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    /** Every pod shares the JWT signing key, so a key derived from it is the same on every pod. */
    private byte[] derivedKey() {
        try {
            java.nio.file.Path file = java.nio.file.Path.of(signingKeyLocation.replaceFirst("^file:", ""));
            String pem = java.nio.file.Files.isReadable(file) ? java.nio.file.Files.readString(file)
                    : ResourceUtils.readResource(signingKeyLocation);
            if (pem == null) {
                throw new IllegalStateException("nothing at " + signingKeyLocation);
            }
            byte[] signing = KeyUtils.decodePrivateKey(pem).getEncoded();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("instainstru-web-csrf".getBytes(StandardCharsets.US_ASCII));
            return digest.digest(signing);
        } catch (Exception e) {
            throw new IllegalStateException("no gateway.web.csrf-secret and the JWT signing key cannot be read", e);
        }
    }
}
