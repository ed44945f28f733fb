package com.instainstru.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * How far the outbox is behind, as gauges read every 15 s from the table:
 * {@code outbox_pending_events{stream}} (rows not yet published) and {@code outbox_oldest_pending_age_seconds{stream}}
 * (how long the oldest of them has waited; 0 when none waits). Both stay near 0 while the relay keeps up; a growing
 * age means nobody downstream hears of the changes (Redis down, the relay failing). Every pod reports the same
 * table, so dashboards and alerts take the max over pods.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final String READ = """
            SELECT count(*) AS pending,
                   coalesce(extract(epoch FROM now() - (SELECT created_at FROM outbox_event
                       WHERE published_at IS NULL ORDER BY id LIMIT 1)), 0) AS oldest_age
            FROM outbox_event WHERE published_at IS NULL""";

    @Inject
    Pool pool;

    @Inject
    OutboxSettings settings;

    @Inject
    MeterRegistry registry;

    private volatile double pending = Double.NaN;
    private volatile double oldestAge = Double.NaN;
    private volatile boolean active;

    void start(@Observes StartupEvent start) {
        if (settings.stream().isEmpty()) {
            return;
        }
        String stream = settings.stream().get();
        Gauge.builder("outbox.pending.events", this, m -> m.pending).tag("stream", stream)
                .description("Outbox rows not yet published to the stream").register(registry);
        Gauge.builder("outbox.oldest.pending.age", this, m -> m.oldestAge).tag("stream", stream).baseUnit("seconds")
                .description("How long the oldest unpublished outbox row has waited").register(registry);
        active = true;
    }

    @Scheduled(every = "15s", delayed = "2s")
    Uni<Void> refresh() {
        if (!active) {
            return Uni.createFrom().voidItem();
        }
        return pool.query(READ).execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    pending = row.getLong("pending");
                    oldestAge = row.getNumeric("oldest_age").doubleValue();
                })
                .onFailure().invoke(e -> {
                    Log.debugf("outbox metrics not read: %s", e.toString());
                    pending = Double.NaN;
                    oldestAge = Double.NaN;
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
