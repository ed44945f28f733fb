package com.instainstru.catalog.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of catalog-service (prefix {@code catalog}; every one can be set by environment, e.g. CATALOG_CACHE_ENABLED). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    Cache cache();

    Outbox outbox();

    DemoData demoData();

    AnalyticsEvents analyticsEvents();

    interface AnalyticsEvents {
        /** How often analytics-events (the nightly figures of analytics-service) is read. */
        @WithDefault("1s")
        String interval();
    }

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

        /** Key prefix, so several environments can share one Redis. */
        @WithDefault("catalog:")
        String prefix();
    }

    interface Outbox {
        /** The Redis stream the catalog's events go to. */
        @WithDefault("catalog-events")
        String stream();

        /** Approximate maximum length of the stream (XADD MAXLEN ~). */
        @WithDefault("200000")
        long maxLength();

        /** Events published per relay round trip. */
        @WithDefault("500")
        int batchSize();

        /** How long published outbox rows are kept before they are purged. */
        @WithDefault("P7D")
        Duration retention();

        /** How often the relay looks for events missed by the wake-up after each commit. */
        @WithDefault("1s")
        String interval();
    }

    interface DemoData {
        /** Whether the admin demo-data generator endpoint exists (local platform and benchmarks only). */
        @WithDefault("false")
        boolean enabled();
    }
}
