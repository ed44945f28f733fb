package com.instainstru.catalog.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of catalog-service (prefix {@code catalog}; every one can be set by environment, e.g. CATALOG_CACHE_ENABLED).
 * The outbox and the stream consumer are the platform's ({@code outbox.*}, {@code streams.*}).
 */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    Cache cache();

    interface Cache {
        /** Serve public reads from Redis; off, every read goes to PostgreSQL. */
        @WithDefault("true")
        boolean enabled();

        /** Upper bound on how long a cached answer may live, even if an invalidation was missed. */
        @WithDefault("PT5M")
        Duration ttl();

        /** How long a cache read may take before the answer is computed from the database instead. */
        @WithDefault("PT0.25S")
        Duration timeout();

        /**
         * How long a client (or a shared cache) may reuse a public read without asking again ({@code Cache-Control:
         * public, max-age}); after it, it asks with If-None-Match and gets 304 if nothing changed. Short: a change
         * (a new price, a paused offering) reaches every reader within it.
         */
        @WithDefault("PT30S")
        Duration maxAge();

        /** Key prefix, so several environments can share one Redis. */
        @WithDefault("catalog:")
        String prefix();
    }
}
