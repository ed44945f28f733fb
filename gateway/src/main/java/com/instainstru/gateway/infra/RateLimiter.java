package com.instainstru.gateway.infra;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Fixed-window request counters in Redis, so every gateway pod counts against the same limits.
 * One script call counts a request against all its limits at once. If Redis cannot answer in time
 * the request is let through (and a warning logged): the limits protect the platform, they must
 * not take it down.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(300);

    /** Counts the request in every key; answers the longest wait (ms) among the limits it exceeds, 0 if none. */
    private static final String SCRIPT = """
            local window = tonumber(ARGV[1])
            local wait = 0
            for i, key in ipairs(KEYS) do
              local count = redis.call('INCR', key)
              if count == 1 then redis.call('PEXPIRE', key, window) end
              if count > tonumber(ARGV[i + 1]) then
                local ttl = redis.call('PTTL', key)
                if ttl < 0 then redis.call('PEXPIRE', key, window); ttl = window end
                if ttl > wait then wait = ttl end
              end
            end
            return wait""";

    private static final String SCRIPT_SHA = sha1(SCRIPT);

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    GatewayConfig config;

    /**
     * Runs the script by its digest (Redis keeps it once loaded); the first call on a Redis that does
     * not know it yet (a restart) sends the script itself.
     */
    private Uni<Response> count(List<String> args) {
        List<String> bySha = new ArrayList<>(args);
        bySha.add(0, SCRIPT_SHA);
        List<String> byText = new ArrayList<>(args);
        byText.add(0, SCRIPT);
        return redis.execute("EVALSHA", bySha.toArray(String[]::new)).onFailure(e -> String.valueOf(e.getMessage())
                .startsWith("NOSCRIPT")).recoverWithUni(() -> redis.execute("EVAL", byText.toArray(String[]::new)));
    }

    /** One limit: at most {@code max} requests per window for {@code bucket}:{@code subject}. */
    public record Limit(String bucket, String subject, int max) {
    }

    /** Counts one request; fails with a 429 {@link ApiException} when a limit is exceeded. */
    public Uni<Void> acquire(List<Limit> limits) {
        if (!config.rateLimit().enabled() || limits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(limits.size()));
        limits.forEach(l -> args.add(config.rateLimit().prefix() + l.bucket() + ":" + l.subject()));
        args.add(Long.toString(config.rateLimit().window().toMillis()));
        limits.forEach(l -> args.add(Integer.toString(l.max())));
        return count(args)
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .map(response -> response == null ? 0L : response.toLong())
                .onFailure().recoverWithItem(error -> {
                    Log.warnf("Rate limits not checked, Redis did not answer: %s", error.toString());
                    return 0L;
                })
                .map(waitMillis -> {
                    if (waitMillis > 0) {
                        throw ApiException.tooManyRequests(Math.max(1, (waitMillis + 999) / 1000));
                    }
                    return null;
                });
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
