package com.instainstru.gateway.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the web app the gateway serves (prefix {@code gateway.web}; environment e.g. GATEWAY_WEB_SECURE_COOKIES). */
@ConfigMapping(prefix = "gateway.web")
public interface WebConfig {

    /**
     * When session cookies carry {@code Secure}: {@code auto} (unless the page was asked for on a loopback
     * host, so a local http://127.0.0.1:8080 works), {@code always}, or {@code never}.
     */
    @WithDefault("auto")
    SecureCookies secureCookies();

    /** How long one service's part of a page may take before the page is rendered without it. */
    @WithDefault("PT2S")
    Duration partTimeout();

    /**
     * How long public reads every visitor shares (the catalog of /services, instructors' profiles) are kept in
     * memory; never those where a student books.
     */
    @WithDefault("PT5S")
    Duration sharedReadsTtl();

    /** How long writes (booking, cancelling, rescheduling) may take: booking-service asks catalog-service live. */
    @WithDefault("PT10S")
    Duration writeTimeout();

    /**
     * How long the new tokens of a refreshed session are kept (encrypted with the spent refresh token) for
     * requests of the same browser that raced with the refresh, so they are not mistaken for a replay.
     */
    @WithDefault("PT30S")
    Duration refreshGrace();

    /**
     * Key of the CSRF token signature (at least 32 characters). Unset: derived from the JWT signing key,
     * which every gateway pod shares.
     */
    Optional<String> csrfSecret();

    /**
     * The cancellation rule as booking-service applies it (BOOKING_RULES_LATE_CANCELLATION), shown to the
     * student before they book or cancel; booking-service alone decides and records whether a cancellation was late.
     */
    @WithDefault("PT12H")
    Duration freeCancellationNotice();

    /** Key prefix in Redis for the web sessions' short-lived state. */
    @WithDefault("gateway:web:")
    String redisPrefix();

    enum SecureCookies {
        AUTO, ALWAYS, NEVER
    }
}
