package com.instainstru.platform.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A service's own limits on its expensive public reads, so that they hold for callers that bypass the
 * gateway too: a token bucket per read and client (a burst, then a steady rate), in the pod's memory.
 * Over a limit: 429 problem with Retry-After. Each service names its reads in its configuration
 * ({@code read-limits.reads.<name>.method|path|burst|per-second}, the path a regular expression).
 *
 * <p>The client is the connection's address, except for requests the gateway passes on: the gateway names
 * the client's address in {@code X-Forwarded-For} and proves it is the gateway with
 * {@code X-Gateway-Assertion}, a short token (subject {@code gateway}) signed with its key; a forwarded
 * address without a valid assertion is ignored, so a direct caller cannot pose as many clients.
 */
@ApplicationScoped
public class ReadLimits {

    public static final String ASSERTION = "X-Gateway-Assertion";
    private static final int MAX_CLIENTS = 100_000;

    /** Settings (prefix read-limits). */
    @ConfigMapping(prefix = "read-limits")
    public interface Settings {
        /** Off: no limits (benchmarks, which send everything from one address). */
        @WithDefault("true")
        boolean enabled();

        /** The limited reads, by name. */
        Map<String, Read> reads();

        interface Read {
            /** The HTTP method of the read. */
            @WithDefault("GET")
            String method();

            /** Its path, a regular expression matched against the whole normalised path. */
            String path();

            /** Requests a client may make at once. */
            int burst();

            /** Requests per second a client may make steadily once its burst is spent. */
            double perSecond();
        }
    }

    @Inject
    Settings settings;

    @Inject
    JWTParser parser;

    @Inject
    ObjectMapper json;

    private record Limited(String name, String method, Pattern path, Settings.Read limit) {
    }

    /** A client's bucket: tokens left as of {@code at} (System.nanoTime). */
    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private List<Limited> reads = List.of();
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** The gateway assertion last verified, and until when it holds (epoch seconds). */
    private volatile String trustedAssertion;
    private volatile long trustedUntil;

    @PostConstruct
    void init() {
        reads = settings.reads().entrySet().stream().map(e -> new Limited(e.getKey(), e.getValue().method(),
                Pattern.compile(e.getValue().path()), e.getValue())).toList();
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, 50);
    }

    void filter(RoutingContext rc) {
        Limited read = settings.enabled() ? readOf(rc) : null;
        if (read == null) {
            rc.next();
            return;
        }
        long waitSeconds = take(read.name() + "|" + client(rc.request()), read.limit());
        if (waitSeconds == 0) {
            rc.next();
            return;
        }
        rc.response().setStatusCode(429).putHeader("Content-Type", "application/problem+json")
                .putHeader("Retry-After", Long.toString(waitSeconds))
                .end(problem(rc.normalizedPath(), waitSeconds));
    }

    private Limited readOf(RoutingContext rc) {
        String method = rc.request().method().name();
        String path = rc.normalizedPath();
        for (Limited read : reads) {
            if (read.method().equals(method) && read.path().matcher(path).matches()) {
                return read;
            }
        }
        return null;
    }

    /** Takes one request from the client's bucket; answers 0, or the seconds until one is there. */
    long take(String key, Settings.Read limit) {
        long now = System.nanoTime();
        if (buckets.size() >= MAX_CLIENTS) {
            forgetIdleBuckets(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now));
        synchronized (bucket) {
            double refilled = (now - bucket.at) / 1e9 * limit.perSecond();
            bucket.tokens = Math.min(limit.burst(), bucket.tokens + refilled);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / limit.perSecond()));
        }
    }

    /** Buckets idle for 10 minutes are full again and forgotten (a new one starts full); if none, all are. */
    private void forgetIdleBuckets(long now) {
        buckets.values().removeIf(b -> now - b.at > TimeUnit.MINUTES.toNanos(10));
        if (buckets.size() >= MAX_CLIENTS) {
            Log.warnf("%d clients in the read limits: forgetting them all", buckets.size());
            buckets.clear();
        }
    }

    /** The client's address: the one the gateway forwards (with a valid assertion), else the connection's. */
    String client(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String assertion = request.getHeader(ASSERTION);
        if (forwarded != null && assertion != null && fromGateway(assertion)) {
            int comma = forwarded.indexOf(',');
            return (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
        }
        return request.remoteAddress().hostAddress();
    }

    private boolean fromGateway(String assertion) {
        if (assertion.equals(trustedAssertion) && trustedUntil > System.currentTimeMillis() / 1000) {
            return true;
        }
        try {
            var token = parser.parse(assertion);
            if (!"gateway".equals(token.getSubject())) {
                return false;
            }
            trustedUntil = token.getExpirationTime();
            trustedAssertion = assertion;
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    private String problem(String path, long waitSeconds) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://instainstru.com/problems/rate-limited");
        problem.put("title", "Too many requests");
        problem.put("status", 429);
        problem.put("detail", "too many requests; retry after " + waitSeconds + " s");
        problem.put("instance", path);
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
