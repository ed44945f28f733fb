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

    EventLog eventLog();

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

    interface EventLog {
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
