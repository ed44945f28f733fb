package com.instainstru.gateway.web.session;

import com.instainstru.gateway.identity.AuthResponses.TokenResponse;
import com.instainstru.gateway.identity.AuthService;
import com.instainstru.gateway.web.WebConfig;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.security.OpaqueTokens;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Spends a browser's refresh token once, even when several of its requests arrive together with the same
 * expired access token (a page and its htmx requests, two tabs). The API treats a second use of a spent
 * refresh token as theft and revokes the whole sign-in; so the first request refreshes and leaves the new
 * pair in Redis for {@code gateway.web.refresh-grace}, encrypted with the spent token (only a holder of that
 * token can read it), and the requests that raced with it take that pair. Any other reuse is still a replay.
 */
@ApplicationScoped
public class TokenRotation {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LOCK = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int POLLS = 60;

    @Inject
    AuthService auth;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    WebConfig web;

    /** A new pair for the refresh token; fails with the API's 401 when the token is spent, revoked or unknown. */
    public Uni<TokenResponse> refresh(String refreshToken) {
        String key = web.redisPrefix() + "rotated:" + HexFormat.of().formatHex(OpaqueTokens.sha256("id:" + refreshToken));
        return redis.value(String.class).get(key)
                .flatMap(stored -> stored != null ? Uni.createFrom().item(decrypt(refreshToken, stored))
                        : claimOrWait(refreshToken, key))
                .onFailure(TokenRotation::redisTrouble).recoverWithUni(e -> {
                    Log.warnf("Session refresh without Redis: %s", e.toString());
                    return auth.refresh(refreshToken);
                });
    }

    private Uni<TokenResponse> claimOrWait(String refreshToken, String key) {
        return redis.value(String.class).setGet(key + ":lock", "1", new SetArgs().nx().px(LOCK))
                .onFailure().recoverWithItem((String) null) // Redis cannot coordinate: refresh here
                .flatMap(previous -> previous == null ? rotate(refreshToken, key) : awaitRotated(refreshToken, key, POLLS));
    }

    private Uni<TokenResponse> rotate(String refreshToken, String key) {
        return auth.refresh(refreshToken).call(tokens -> redis.value(String.class)
                .setex(key, web.refreshGrace().toSeconds(), encrypt(refreshToken, tokens))
                .onFailure().recoverWithNull());
    }

    /** Another request is refreshing this token: its result, once it is there (or the API's answer if it never is). */
    private Uni<TokenResponse> awaitRotated(String refreshToken, String key, int pollsLeft) {
        if (pollsLeft == 0) {
            return auth.refresh(refreshToken);
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(POLL)
                .flatMap(v -> redis.value(String.class).get(key))
                .flatMap(stored -> stored != null ? Uni.createFrom().item(decrypt(refreshToken, stored))
                        : awaitRotated(refreshToken, key, pollsLeft - 1));
    }

    private static boolean redisTrouble(Throwable e) {
        return !(e instanceof ApiException);
    }

    static String encrypt(String refreshToken, TokenResponse tokens) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(refreshToken), new GCMParameterSpec(128, iv));
            String plain = tokens.accessToken() + "\n" + tokens.refreshToken() + "\n" + tokens.expiresIn();
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static TokenResponse decrypt(String refreshToken, String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(refreshToken), new GCMParameterSpec(128, all, 0, 12));
            String[] parts = new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8).split("\n");
            return new TokenResponse(parts[0], parts[1], Long.parseLong(parts[2]), "Bearer");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the rotated session cannot be read", e);
        }
    }

    private static SecretKeySpec key(String refreshToken) {
        return new SecretKeySpec(OpaqueTokens.sha256("key:" + refreshToken), "AES");
    }
}
