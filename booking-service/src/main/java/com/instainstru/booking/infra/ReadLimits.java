package com.instainstru.booking.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * booking-service's own limits on its expensive public reads (the bookable times of an instructor and the free-time search), so that they hold for callers that
 * bypass the gateway too: a token bucket per read and client (a burst, then a steady rate), in this pod's
 * memory. Over a limit: 429 problem with Retry-After. The client is the connection's address, except for
 * requests the gateway passes on: the gateway names the client's address in {@code X-Forwarded-For} and
 * proves it is the gateway with {@code X-Gateway-Assertion}, a short token signed with its key; a
 * forwarded address without a valid assertion is ignored, so a direct caller cannot pose as many clients.
 */
@ApplicationScoped
public class ReadLimits {

    static final String ASSERTION = "X-Gateway-Assertion";
    private static final int MAX_CLIENTS = 100_000;

    /** Settings (prefix booking.read-limits); each read's burst and steady rate are in application.properties. */
    @ConfigMapping(prefix = "booking.read-limits")
    public interface Settings {
        /** Off: no limits (benchmarks from one address). */
        @WithDefault("true")
        boolean enabled();

        /** Per read (availability, free-time-search): its limit per client. */
        Map<String, Limit> reads();

        interface Limit {
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

    /** A client's bucket: tokens left as of {@code at} (System.nanoTime). */
    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** The gateway assertion last verified, and until when it holds (epoch seconds). */
    private volatile String trustedAssertion;
    private volatile long trustedUntil;

    void register(@Observes Filters filters) {
        filters.register(this::filter, 50);
    }

    void filter(RoutingContext rc) {
        String read = settings.enabled() ? readOf(rc.request().method(), rc.normalizedPath()) : null;
        Settings.Limit limit = read == null ? null : settings.reads().get(read);
        if (limit == null) {
            rc.next();
            return;
        }
        long waitSeconds = take(read + "|" + client(rc.request()), limit);
        if (waitSeconds == 0) {
            rc.next();
            return;
        }
        rc.response().setStatusCode(429).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(waitSeconds))
                .end(problem(rc.normalizedPath(), waitSeconds));
    }

    private static final java.util.regex.Pattern AVAILABILITY = java.util.regex.Pattern.compile(
            "/api/v1/availability/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static String readOf(HttpMethod method, String path) {
        if (method == HttpMethod.POST && path.equals("/api/v1/availability/search")) {
            return "free-time-search";
        }
        return method == HttpMethod.GET && AVAILABILITY.matcher(path).matches() ? "availability" : null;
    }

    /** Takes one request from the client's bucket; answers 0, or the seconds until one is there. */
    long take(String key, Settings.Limit limit) {
        long now = System.nanoTime();
        if (buckets.size() >= MAX_CLIENTS) {
            forgetFullBuckets(now);
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

    /** Buckets idle long enough to be full again are forgotten (a new one starts full); if none, all are. */
    private void forgetFullBuckets(long now) {
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
        try {
            return json.writeValueAsString(new Problem(Problem.TYPE_BASE + "rate-limited", "Too many requests", 429,
                    "too many requests; retry after " + waitSeconds + " s", path, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
