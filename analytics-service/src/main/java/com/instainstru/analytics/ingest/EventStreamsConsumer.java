package com.instainstru.analytics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.analytics.infra.AnalyticsConfig;
import com.instainstru.platform.streams.EventHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What analytics does with each event of {@code booking-events}, {@code search-events} and
 * {@code catalog-events} ({@code streams.names}), which the platform's stream consumer reads as the group
 * {@code analytics-service} and hands over once per event id: store it in the event log and apply it to
 * the facts, in the consumer's transaction. Unknown types are stored and otherwise ignored (tolerant reader).
 */
@ApplicationScoped
public class EventStreamsConsumer implements EventHandler {

    @Inject
    EventProjections projections;

    @Inject
    Pool pool;

    @Inject
    AnalyticsConfig config;

    @Inject
    MeterRegistry registry;

    @Override
    public Uni<Void> apply(Applying applying, JsonNode event) {
        String stream = applying.stream();
        return projections.record(applying.connection(), stream, event)
                .invoke(applied -> applying.afterCommit(() -> registry.counter("analytics.events.ingested",
                        "stream", stream, "result", applied ? "applied" : "malformed").increment()))
                .replaceWithVoid();
    }

    /** Drops raw events past their retention; the facts derived from them stay. */
    @Scheduled(every = "1h", delayed = "5m")
    Uni<Void> purgeEventLog() {
        return pool.preparedQuery("DELETE FROM event_log WHERE received_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.eventLog().retention().toSeconds()))
                .replaceWithVoid();
    }
}
