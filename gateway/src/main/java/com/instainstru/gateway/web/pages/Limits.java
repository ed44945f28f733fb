package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.infra.GatewayConfig;
import com.instainstru.gateway.infra.RateLimiter;
import com.instainstru.platform.problem.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The API's stricter limits applied to the same actions done through the pages (the pages call the
 * services directly, not through the API's filter): sign-in and sign-up per address, bookings per user.
 * Over a limit, a 429 page.
 */
@ApplicationScoped
public class Limits {

    @Inject
    RateLimiter limiter;

    @Inject
    GatewayConfig config;

    public Uni<Void> login(RoutingContext rc) {
        return acquire(new RateLimiter.Limit("login-ip", ip(rc), config.rateLimit().loginPerIp()));
    }

    public Uni<Void> register(RoutingContext rc) {
        return acquire(new RateLimiter.Limit("register-ip", ip(rc), config.rateLimit().registerPerIp()));
    }

    /** Password reset requests and the pages of account links, per address (as the API's). */
    public Uni<Void> passwordReset(RoutingContext rc) {
        return acquire(new RateLimiter.Limit("reset-ip", ip(rc), config.rateLimit().passwordResetPerIp()));
    }

    public Uni<Void> booking(UUID user) {
        return acquire(new RateLimiter.Limit("bookings-user", user.toString(), config.rateLimit().bookingsPerUser()));
    }

    private Uni<Void> acquire(RateLimiter.Limit limit) {
        return limiter.acquire(List.of(limit)).onFailure(ApiException.TooManyRequests.class).transform(e ->
                new PageException(429, "Please slow down", "That was a lot of attempts in a short time. Please wait "
                        + ((ApiException.TooManyRequests) e).retryAfterSeconds() + " seconds and try again."));
    }

    private static String ip(RoutingContext rc) {
        return rc.request().remoteAddress().host();
    }
}
