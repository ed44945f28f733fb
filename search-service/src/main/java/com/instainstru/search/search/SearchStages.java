package com.instainstru.search.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * Where a search's time goes, for the searches computed (not answered from the results cache):
 * {@code search_stage_latency_seconds{stage=parse|embed|retrieve|filter}} (histograms with the platform's SLO
 * buckets), and how often the results cache answers: {@code search_results_cache_total{result=hit|miss}}. The same
 * stages as the answer's {@code timings}.
 */
@Startup // its meters exist from the start
@ApplicationScoped
public class SearchStages {

    @Inject
    MeterRegistry registry;

    private Timer parse;
    private Timer embed;
    private Timer retrieve;
    private Timer filter;
    private Counter hits;
    private Counter misses;

    @PostConstruct
    void init() {
        parse = stage("parse");
        embed = stage("embed");
        retrieve = stage("retrieve");
        filter = stage("filter");
        hits = registry.counter("search.results.cache", "result", "hit");
        misses = registry.counter("search.results.cache", "result", "miss");
    }

    private Timer stage(String name) {
        return Timer.builder("search.stage.latency").tag("stage", name).description("Server time of one stage of a search")
                .register(registry);
    }

    /** One search answered: from the cache, or computed in these times (milliseconds). */
    void record(boolean cached, double parseMs, double embedMs, double retrieveMs, double filterMs) {
        if (cached) {
            hits.increment();
            return;
        }
        misses.increment();
        record(parse, parseMs);
        record(embed, embedMs);
        record(retrieve, retrieveMs);
        record(filter, filterMs);
    }

    private static void record(Timer timer, double ms) {
        timer.record(Math.round(ms * 1_000_000), TimeUnit.NANOSECONDS);
    }
}
