package com.instainstru.search.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of search-service (prefix {@code search}; each can be set by environment, e.g. SEARCH_RESULTS_MAX_LIMIT). */
@ConfigMapping(prefix = "search")
public interface SearchConfig {

    Events events();

    Results results();

    Model model();

    Rebuild rebuild();

    Reconcile reconcile();

    /** Searches and clicks on their way to search-events (the outbox and stream are the platform's {@code outbox.*}). */
    interface Events {
        /** How often recorded searches and clicks are written to the outbox (in batches of up to 2,000). */
        @WithDefault("PT0.2S")
        Duration flushInterval();

        /** Searches waiting to be written beyond which new ones are dropped (and counted), never blocking a search. */
        @WithDefault("20000")
        int queueCapacity();
    }

    interface Results {
        /** Results per page when the query does not say. */
        @WithDefault("20")
        int defaultLimit();

        /** The largest page a query may ask for. */
        @WithDefault("50")
        int maxLimit();

        /** Longest query accepted, in characters. */
        @WithDefault("500")
        int maxQueryLength();

        /** How long an answer is reused for the same query (the repeated-query cache). */
        @WithDefault("PT10S")
        Duration cacheTtl();

        /** Answers kept in the repeated-query cache. */
        @WithDefault("10000")
        int cacheSize();

        /** How many days ahead "free soon" and time-less searches look. */
        @WithDefault("28")
        int horizonDays();
    }

    interface Model {
        /** ONNX Runtime intra-op threads per inference (queries are short: one is fastest under load). */
        @WithDefault("1")
        int threads();

        /** Query embeddings kept in memory. */
        @WithDefault("20000")
        int cacheSize();
    }

    interface Rebuild {
        /** Whether an empty read model is rebuilt from catalog-service's and booking-service's APIs at start. */
        @WithDefault("true")
        boolean enabled();

        /** How often a failed rebuild (a service down) is tried again. */
        @WithDefault("5s")
        String retryInterval();
    }

    interface Reconcile {
        /** Whether the read model is compared with catalog-service and booking-service (and repaired) periodically. */
        @WithDefault("true")
        boolean enabled();

        /** How often (one pod at a time); a run is skipped when the last one, by any pod, finished within it. */
        @WithDefault("PT10M")
        Duration interval();
    }
}
