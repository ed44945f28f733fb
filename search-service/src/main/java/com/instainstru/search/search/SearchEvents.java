package com.instainstru.search.search;

import com.instainstru.platform.outbox.EventOutbox;
import com.instainstru.search.infra.SearchConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records searches and clicks as {@code search-events}. A search does not wait for it: each event is
 * enveloped when it happens (its id and time fixed then), queued in memory and written to the platform's
 * outbox in batches every {@code search.events.flush-interval} (and at shutdown) — small, frequent batches,
 * so that thousands of searches a second never make one long pause; the write wakes the outbox relay,
 * which publishes them, so Redis being down delays them and loses none. If the
 * database falls behind so far that the queue is full, further events are dropped and counted
 * ({@code search.events.dropped}) rather than slowing searches down.
 */
@ApplicationScoped
public class SearchEvents {

    @Inject
    EventOutbox outbox;

    @Inject
    Pool pool;

    @Inject
    SearchConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    private final ConcurrentLinkedQueue<EventOutbox.Enveloped> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private long timer;
    private Counter dropped;

    @PostConstruct
    void metrics() {
        dropped = registry.counter("search.events.dropped");
        registry.gauge("search.events.queued", queued);
    }

    /** A search was answered: what was asked, understood and found. */
    public void performed(Object payload) {
        record("search.performed", payload);
    }

    /** A result of a search was opened. */
    public void clicked(Object payload) {
        record("search.result-clicked", payload);
    }

    private void record(String type, Object payload) {
        if (queued.incrementAndGet() > config.events().queueCapacity()) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.add(outbox.envelope(type, payload));
    }

    void onStart(@Observes StartupEvent start) {
        timer = vertx.setPeriodic(config.events().flushInterval().toMillis(), id -> tick());
    }

    void tick() {
        flush().subscribe().with(n -> { }, e -> Log.warnf("Writing search events failed (kept, retried): %s", e.toString()));
    }

    void onStop(@Observes ShutdownEvent stop) {
        vertx.cancelTimer(timer);
        flush().await().atMost(Duration.ofSeconds(5));
    }

    /** Writes what is queued to the outbox in one statement (its commit wakes the relay); returns how many. */
    public Uni<Integer> flush() {
        if (queue.isEmpty() || !flushing.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        List<EventOutbox.Enveloped> batch = new ArrayList<>();
        EventOutbox.Enveloped e;
        while (batch.size() < 2000 && (e = queue.poll()) != null) {
            batch.add(e);
        }
        return outbox.writeEnveloped(pool, batch)
                .invoke(ok -> queued.addAndGet(-batch.size()))
                .onFailure().invoke(err -> queue.addAll(batch))
                .eventually(() -> flushing.set(false))
                // Drain the queue: under load more than one batch arrives per interval.
                .flatMap(ok -> queue.isEmpty() ? Uni.createFrom().item(batch.size())
                        : flush().map(more -> batch.size() + more));
    }
}
