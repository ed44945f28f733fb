package com.instainstru.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Set;

/**
 * Latency histograms with the buckets the SLOs are written against, so that Prometheus can tell the share of
 * answers faster than a bound ({@code le}) over any window: {@code http.server.requests} (every service's answers,
 * tagged by route template, never by raw path), {@code search.latency} and {@code search.stage.latency}.
 * Only these buckets (no percentile histogram of ~70), so a route costs 11 series per status.
 */
@Singleton
public class SloBuckets {

    /** The timers that get the buckets. */
    static final Set<String> TIMERS = Set.of("http.server.requests", "search.latency", "search.stage.latency");

    /** In seconds: 5 ms ... 5 s; 250 ms is the services' latency objective, 50 ms search's. */
    static final double[] BOUNDS_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    @Produces
    @Singleton
    MeterFilter sloBuckets() {
        double[] nanos = Arrays.stream(BOUNDS_SECONDS).map(seconds -> seconds * 1e9).toArray();
        DistributionStatisticConfig buckets = DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return TIMERS.contains(id.getName()) ? buckets.merge(config) : config;
            }
        };
    }
}
