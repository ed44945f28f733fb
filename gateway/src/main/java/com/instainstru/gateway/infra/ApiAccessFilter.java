package com.instainstru.gateway.infra;

import com.instainstru.gateway.routing.RouteTable;
import com.instainstru.platform.logging.RequestIds;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.problem.Problems;
import com.instainstru.platform.security.EndedSessions;
import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.mutiny.Uni;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * In front of every API request: a bearer token that is sent must be valid, within the longest lifetime
 * allowed, and of a session that has not ended (else 401, whatever the route), and the request is counted against the rate limits of its caller (IP address, and user
 * when signed in), with stricter limits for login, sign-up and booking creation.
 */
@ApplicationScoped
public class ApiAccessFilter {

    /** Where the verified token is kept on the routing context for the proxy. */
    public static final String TOKEN = "gateway.token";
    public static final String HOME = "/api/v1/home";
    private static final String BEARER = "Bearer ";
    /** The gateway's own API endpoints (fixed paths). */
    private static final java.util.Set<String> OWN_ENDPOINTS = java.util.Set.of(HOME, "/api/v1/auth/register",
            "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/me", "/api/v1/auth/password",
            "/api/v1/auth/jwks", "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm",
            "/api/v1/auth/verify-email");

    @Inject
    JWTParser parser;

    @Inject
    RateLimiter limiter;

    @Inject
    Problems problems;

    @Inject
    GatewayConfig config;

    @Inject
    EndedSessions sessions;

    void register(@Observes Filters filters) {
        filters.register(this::filter, RequestIds.PRIORITY - 100);
    }

    void filter(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (!path.startsWith("/api/") || rc.request().method() == HttpMethod.OPTIONS) {
            rc.next();
            return;
        }
        tagMetrics(rc, metricsTemplate(rc.request().method().name(), path));
        JsonWebToken token;
        try {
            token = verify(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
        } catch (ApiException e) {
            problems.send(rc, e);
            return;
        }
        if (token != null) {
            rc.put(TOKEN, token);
        }
        List<RateLimiter.Limit> limits = limits(rc.request().method(), path, rc.request().remoteAddress().host(), token);
        if (limits.isEmpty() && token == null) {
            rc.next();
            return;
        }
        // The body waits (paused) until the session and the limits are checked; the next handler reads it.
        rc.request().pause();
        Uni<Void> sessionOpen = token == null ? Uni.createFrom().voidItem() : sessions.hasEnded(token).invoke(ended -> {
            if (ended) {
                throw ApiException.unauthorized("the session of this token has ended; sign in again");
            }
        }).replaceWithVoid();
        sessionOpen.chain(() -> limiter.acquire(limits)).subscribe().with(ok -> rc.next(), error -> problems.send(rc,
                error instanceof ApiException api ? api : ApiException.unavailable("the request could not be checked")));
    }

    /**
     * The request's metrics are tagged with its route's template ({@code /api/v1/bookings/{id}}), never with the
     * raw path, which a caller makes up: a flood of made-up paths would fill the tag limit and leave later
     * requests unmeasured. The gateway's own endpoints are templated by the REST layer when they run; this one
     * holds for answers given before (401, 429).
     */
    static String metricsTemplate(String method, String path) {
        RouteTable.Match match = RouteTable.match(method, path);
        if (match.route() != null) {
            return match.route().template();
        }
        return OWN_ENDPOINTS.contains(path) ? path : "/api/{unrouted}";
    }

    private static void tagMetrics(RoutingContext rc, String template) {
        HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(rc);
        if (metric != null) {
            metric.setTemplatePath(template);
        }
    }

    private JsonWebToken verify(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized("only bearer tokens are accepted");
        }
        try {
            JsonWebToken token = parser.parse(authorization.substring(BEARER.length()).trim());
            if (token.getSubject() == null) {
                throw ApiException.unauthorized("the bearer token names no user");
            }
            return token;
        } catch (ParseException e) {
            throw ApiException.unauthorized("the bearer token is invalid or expired");
        }
    }

    private List<RateLimiter.Limit> limits(HttpMethod method, String path, String ip, JsonWebToken token) {
        List<RateLimiter.Limit> limits = new ArrayList<>();
        if (path.equals(HOME)) {
            return limits; // served from memory: cheaper to answer than to count
        }
        GatewayConfig.RateLimit settings = config.rateLimit();
        limits.add(new RateLimiter.Limit("ip", ip, settings.perIp()));
        if (token != null) {
            limits.add(new RateLimiter.Limit("user", token.getSubject(), settings.perUser()));
        }
        if (method == HttpMethod.POST) {
            switch (path) {
                case "/api/v1/auth/login" -> limits.add(new RateLimiter.Limit("login-ip", ip, settings.loginPerIp()));
                case "/api/v1/auth/register" -> limits.add(new RateLimiter.Limit("register-ip", ip, settings.registerPerIp()));
                case "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm", "/api/v1/auth/verify-email" ->
                        limits.add(new RateLimiter.Limit("reset-ip", ip, settings.passwordResetPerIp()));
                case "/api/v1/bookings" -> {
                    if (token != null) {
                        limits.add(new RateLimiter.Limit("bookings-user", token.getSubject(), settings.bookingsPerUser()));
                    }
                }
                default -> { }
            }
        }
        return limits;
    }
}
