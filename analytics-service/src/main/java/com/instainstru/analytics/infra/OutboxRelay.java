package com.instainstru.analytics.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes pending outbox rows to their Redis stream, oldest first, and marks them sent in the
 * same transaction. One relay at a time across all pods (a transaction-scoped advisory lock), so
 * the stream keeps the outbox order. If Redis is down nothing is marked and the next round
 * retries: events are delayed, never lost. A crash between XADD and commit republishes, which
 * consumers absorb by event id (at-least-once).
 */
@Startup
@ApplicationScoped
public class OutboxRelay {

    private static final long RELAY_LOCK = 0x1A57_0004L;
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    Pool pool;

    @Inject
    Redis redis;

    @Inject
    AnalyticsConfig config;

    @Inject
    MeterRegistry registry;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean rerun = new AtomicBoolean();
    private volatile boolean failing;
    private Counter published;
    private Counter failures;

    @PostConstruct
    void metrics() {
        published = registry.counter("outbox.events.published", "stream", config.outbox().stream());
        failures = registry.counter("outbox.relay.failures", "stream", config.outbox().stream());
    }

    /** Asks for a relay round now (after a commit); coalesces with one already running. */
    public void wakeUp() {
        if (running.compareAndSet(false, true)) {
            rerun.set(false);
            relayBatch().subscribe().with(this::done, this::failed);
        } else {
            rerun.set(true);
        }
    }

    @Scheduled(every = "${analytics.outbox.interval:1s}", delayed = "1s")
    void tick() {
        wakeUp();
    }

    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> purgePublished() {
        return pool.preparedQuery("DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.outbox().retention().toSeconds()))
                .invoke(rows -> Log.debugf("Purged %d published outbox events", rows.rowCount()))
                .replaceWithVoid();
    }

    private void done(int count) {
        if (failing) {
            Log.info("Outbox relay recovered: publishing to Redis again");
            failing = false;
        }
        running.set(false);
        if (count >= config.outbox().batchSize() || rerun.get()) {
            wakeUp();
        }
    }

    private void failed(Throwable error) {
        failures.increment();
        if (!failing) {
            Log.warnf("Outbox relay cannot publish (events stay pending and will be retried): %s", error.toString());
            failing = true;
        }
        running.set(false);
    }

    /** One round: lock, read a batch in order, XADD it in one pipeline, mark it published. */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(conn -> conn.query("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .execute()
                .flatMap(lock -> lock.iterator().next().getBoolean(0) ? publishPending(conn) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection conn) {
        return conn.preparedQuery("SELECT id, stream, type, envelope FROM outbox_event "
                        + "WHERE published_at IS NULL ORDER BY id LIMIT $1")
                .execute(Tuple.of(config.outbox().batchSize()))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().item(0) : publish(conn, rows));
    }

    private Uni<Integer> publish(SqlConnection conn, RowSet<Row> rows) {
        List<Request> commands = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            commands.add(Request.cmd(Command.XADD).arg(row.getString("stream"))
                    .arg("MAXLEN").arg("~").arg(config.outbox().maxLength()).arg("*")
                    .arg("type").arg(row.getString("type"))
                    .arg("envelope").arg(row.getString("envelope")));
        }
        return redis.batch(commands).ifNoItem().after(REDIS_TIMEOUT).fail()
                .flatMap(replies -> conn.preparedQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                        .execute(Tuple.of(ids.toArray(new Long[0]))))
                .map(updated -> {
                    published.increment(ids.size());
                    return ids.size();
                });
    }
}
