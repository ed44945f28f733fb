package com.instainstru.gateway.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the gateway (prefix {@code gateway}; every one can be set by environment, e.g. GATEWAY_HOME_TTL). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name: catalog, search, booking, analytics. */
    Map<String, Upstream> services();

    /** Timeouts of single routes by route id (see RouteTable), overriding their service's timeout. */
    Map<String, Duration> routeTimeouts();

    Breaker breaker();

    /**
     * How long a client may take to send a proxied request's body once its headers are in; slower is a
     * 408 and the connection is closed. The service is asked only once the body is in, so a stalled
     * client never holds, nor counts against, a service.
     */
    @WithDefault("PT10S")
    Duration requestBodyTimeout();

    Tokens tokens();

    Passwords passwords();

    RateLimit rateLimit();

    Admin admin();

    Home home();

    InstructorProfiles instructorProfiles();

    AccountLinks accountLinks();

    interface AccountLinks {
        /** How long the link of an address verification email works. */
        @WithDefault("PT24H")
        Duration verifyTtl();

        /** How long the link of a password reset email (and of "you already have an account") works. */
        @WithDefault("PT1H")
        Duration resetTtl();
    }

    interface Upstream {
        /** Base URLs of the service's instances (comma-separated); requests go round-robin. */
        List<String> urls();

        /** How long a proxied request may wait for the service's answer (idle time on the connection). */
        @WithDefault("PT5S")
        Duration timeout();

        /** How long opening a connection to an instance may take. */
        @WithDefault("PT1S")
        Duration connectTimeout();
    }

    interface Breaker {
        /** Calls in the rolling window the breaker judges (it never opens before this many). */
        @WithDefault("10")
        int requestVolume();

        /** Share of failed calls (no connection, timeout, 502/504) in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker answers 503 before it lets a trial call through. */
        @WithDefault("PT5S")
        Duration delay();
    }

    interface Tokens {
        /** The {@code iss} of access tokens; services verify it. */
        @WithDefault("instainstru")
        String issuer();

        /** Lifetime of an access token. */
        @WithDefault("PT15M")
        Duration accessTtl();

        /** Lifetime of a refresh token (each refresh replaces it with a new one). */
        @WithDefault("P30D")
        Duration refreshTtl();
    }

    interface Passwords {
        /** bcrypt cost (log2 of the rounds). */
        @WithDefault("10")
        int bcryptCost();
    }

    interface RateLimit {
        /** Off: no limits (local experiments only). */
        @WithDefault("true")
        boolean enabled();

        /** Length of one counting window. */
        @WithDefault("PT1M")
        Duration window();

        /** Requests per window from one IP address to the API (the homepage is served from memory and not counted). */
        @WithDefault("1200")
        int perIp();

        /** Requests per window by one signed-in user. */
        @WithDefault("600")
        int perUser();

        /** Login attempts per window from one IP address, to any account (stops one address trying many accounts). */
        @WithDefault("20")
        int loginPerIp();

        /**
         * Failed logins to one account from one IP address per {@link #loginPerIpAccountWindow()}. Reached,
         * that address's logins to that account are refused (429) without counting anywhere else, so the
         * account's owner, elsewhere, can still sign in.
         */
        @WithDefault("5")
        int loginPerIpAccount();

        @WithDefault("PT15M")
        Duration loginPerIpAccountWindow();

        /**
         * Failed logins to one account from all addresses per {@link #loginPerAccountWindow()}: the slow
         * ceiling against guessing spread over many addresses. One address alone cannot reach it
         * (at most loginPerIpAccount per its window).
         */
        @WithDefault("100")
        int loginPerAccount();

        @WithDefault("PT1H")
        Duration loginPerAccountWindow();

        /** Sign-ups per window from one IP address. */
        @WithDefault("10")
        int registerPerIp();

        /** Password reset requests per window from one IP address (as sign-ups). */
        @WithDefault("10")
        int passwordResetPerIp();

        /** Password reset emails asked for one address per {@link #passwordResetPerAccountWindow()}: no mail bombing. */
        @WithDefault("5")
        int passwordResetPerAccount();

        @WithDefault("PT1H")
        Duration passwordResetPerAccountWindow();

        /** Bookings created per window by one user. */
        @WithDefault("20")
        int bookingsPerUser();

        /** Key prefix in Redis, so several environments can share one Redis. */
        @WithDefault("gateway:rl:")
        String prefix();
    }

    interface Admin {
        /** Email of the admin account created (or updated) at start; none when unset. */
        Optional<String> email();

        /** bcrypt hash ($2a$/$2b$/$2y$) of that admin's password; never the password itself. */
        Optional<String> passwordHash();

        /** Display name of the admin account. */
        @WithDefault("Administrator")
        String name();
    }

    interface Home {
        /** How long the assembled homepage is served before it is assembled again. */
        @WithDefault("PT5S")
        Duration ttl();

        /** How long each part may take before the homepage is served without it. */
        @WithDefault("PT2S")
        Duration partTimeout();

        /** Top services shown per category. */
        @WithDefault("6")
        int topPerCategory();

        /** Trending services and trending searches shown. */
        @WithDefault("8")
        int trendingLimit();
    }

    interface InstructorProfiles {
        /** How often profiles that could not be created at sign-up are tried again. */
        @WithDefault("10s")
        String retryInterval();

        /** Longest wait between two tries of one profile. */
        @WithDefault("PT10M")
        Duration maxBackoff();
    }
}
