package com.instainstru.analytics.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of analytics-service (prefix {@code analytics}; each can be set by environment, e.g. ANALYTICS_ZONE). */
@ConfigMapping(prefix = "analytics")
public interface AnalyticsConfig {

    /** The time zone of the business day: windows, report dates and the job schedule. */
    @WithDefault("America/New_York")
    String zone();

    Outbox outbox();

    Ingest ingest();

    Jobs jobs();

    Trending trending();

    interface Trending {
        /**
         * Distinct signed-in searchers a service's searches need on the report's day before the public
         * trending read shows it: many requests by one searcher are one searcher, so nobody alone puts a
         * search on the homepage.
         */
        @WithDefault("5")
        int minSearchers();
    }

    interface Outbox {
        /** The Redis stream analytics events go to. */
        @WithDefault("analytics-events")
        String stream();

        /** Approximate maximum length of the stream (XADD MAXLEN ~). */
        @WithDefault("10000")
        long maxLength();

        /** Events published per relay round trip. */
        @WithDefault("100")
        int batchSize();

        /** How long published outbox rows are kept before they are purged. */
        @WithDefault("P7D")
        Duration retention();

        /** How often the relay looks for events missed by the wake-up after each commit. */
        @WithDefault("1s")
        String interval();
    }

    interface Ingest {
        /** How often the streams are read. */
        @WithDefault("1s")
        String interval();

        /** Entries read per stream and round. */
        @WithDefault("200")
        int batchSize();

        /** Entries left pending this long by another consumer (a dead pod) are reclaimed. */
        @WithDefault("PT1M")
        Duration reclaimIdle();

        /** How long raw events are kept in the event log (the facts derived from them stay). */
        @WithDefault("P400D")
        Duration retention();
    }

    interface Jobs {
        /** Cron of the service analytics (in {@code zone}); {@code off} disables the schedule. */
        @WithDefault("0 0 2 * * ?")
        String serviceAnalyticsCron();

        /** Cron of the daily report (in {@code zone}); {@code off} disables the schedule. */
        @WithDefault("0 30 2 * * ?")
        String dailyReportCron();

        /** A run still "running" after this long was abandoned by a pod that died; it is marked failed. */
        @WithDefault("PT1H")
        Duration abandonAfter();

        /** PostgreSQL work_mem (MB) of a job's transaction: its sorts (percentiles, distinct counts) stay in memory. */
        @WithDefault("64")
        int workMemMb();

        /** Longest time one job's SQL may take before the run fails. */
        @WithDefault("PT10M")
        Duration statementTimeout();
    }
}
