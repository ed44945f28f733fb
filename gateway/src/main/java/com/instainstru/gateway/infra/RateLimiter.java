package com.instainstru.gateway.infra;

import com.instainstru.platform.problem.ApiException;
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

    /**
     * KEYS: the counters. ARGV[1]: {@code count} (the request counts in every counter, over a limit or not)
     * or {@code if-room} (it counts only when no counter is at its limit, so refused attempts do not count).
     * ARGV[2i] and ARGV[2i+1]: the limit and window (ms) of KEYS[i]. Answers the longest wait (ms) among
     * the limits the request exceeds, 0 if none.
     */
    private static final String COUNT = """
            local counting = ARGV[1] == 'count'
            local wait = 0
            local function waitOf(key, window)
              local ttl = redis.call('PTTL', key)
              if ttl < 0 then redis.call('PEXPIRE', key, window); ttl = window end
              return ttl
            end
            if not counting then
              for i, key in ipairs(KEYS) do
                local count = tonumber(redis.call('GET', key) or '0')
                if count >= tonumber(ARGV[2 * i]) then
                  wait = math.max(wait, waitOf(key, tonumber(ARGV[2 * i + 1])))
                end
              end
              if wait > 0 then return wait end
            end
            for i, key in ipairs(KEYS) do
              local window = tonumber(ARGV[2 * i + 1])
              local count = redis.call('INCR', key)
              if count == 1 then redis.call('PEXPIRE', key, window) end
              if count > tonumber(ARGV[2 * i]) then wait = math.max(wait, waitOf(key, window)) end
            end
            return wait""";

    /** Takes one count back from each existing counter (an attempt that turned out not to count). */
    private static final String REFUND = """
            for i, key in ipairs(KEYS) do
              if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
            end
            return 0""";

    private static final String COUNT_SHA = sha1(COUNT);
    private static final String REFUND_SHA = sha1(REFUND);

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    GatewayConfig config;

    /** One limit: at most {@code max} requests per {@code window} (null: gateway.rate-limit.window) for {@code bucket}:{@code subject}. */
    public record Limit(String bucket, String subject, int max, Duration window) {

        public Limit(String bucket, String subject, int max) {
            this(bucket, subject, max, null);
        }
    }

    /** Counts one request in every limit; fails with a 429 {@link ApiException} when one is exceeded. */
    public Uni<Void> acquire(List<Limit> limits) {
        return run("count", limits);
    }

    /**
     * Counts one attempt only if every limit has room; fails with a 429 otherwise, and the refused attempt
     * is not counted (hammering a closed door does not keep it closed longer, nor fill other limits).
     */
    public Uni<Void> acquireIfRoom(List<Limit> limits) {
        return run("if-room", limits);
    }

    /** Gives back the count of an attempt that turned out not to count (a correct password). */
    public Uni<Void> refund(List<Limit> limits) {
        if (!config.rateLimit().enabled() || limits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(limits.size()));
        limits.forEach(l -> args.add(key(l)));
        return script(REFUND_SHA, REFUND, args).ifNoItem().after(REDIS_TIMEOUT).fail()
                .onFailure().recoverWithItem(error -> {
                    Log.warnf("Rate-limit refund lost, Redis did not answer: %s", error.toString());
                    return null;
                })
                .replaceWithVoid();
    }

    private Uni<Void> run(String mode, List<Limit> limits) {
        if (!config.rateLimit().enabled() || limits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(limits.size()));
        limits.forEach(l -> args.add(key(l)));
        args.add(mode);
        for (Limit l : limits) {
            args.add(Integer.toString(l.max()));
            args.add(Long.toString((l.window() != null ? l.window() : config.rateLimit().window()).toMillis()));
        }
        return script(COUNT_SHA, COUNT, args)
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

    private String key(Limit limit) {
        return config.rateLimit().prefix() + limit.bucket() + ":" + limit.subject();
    }

    /**
     * Runs a script by its digest (Redis keeps it once loaded); the first call on a Redis that does not
     * know it yet (a restart) sends the script itself.
     */
    private Uni<Response> script(String sha, String text, List<String> args) {
        List<String> bySha = new ArrayList<>(args);
        bySha.add(0, sha);
        List<String> byText = new ArrayList<>(args);
        byText.add(0, text);
        return redis.execute("EVALSHA", bySha.toArray(String[]::new)).onFailure(e -> String.valueOf(e.getMessage())
                .startsWith("NOSCRIPT")).recoverWithUni(() -> redis.execute("EVAL", byText.toArray(String[]::new)));
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
