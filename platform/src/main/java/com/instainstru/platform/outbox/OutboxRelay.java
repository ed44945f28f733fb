package com.instainstru.platform.outbox;

import com.instainstru.platform.work.Rounds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Publishes pending outbox rows to their Redis stream, oldest first, and marks them sent in the same
 * transaction. One relay at a time across all pods (a transaction-scoped advisory lock), so the stream
 * keeps the outbox order. It runs when a commit that added events notifies it (LISTEN on
 * {@link EventOutbox#CHANNEL}), and every {@code outbox.interval} in case a notification was missed.
 * If Redis is down nothing is marked and the next round retries: events are delayed, never lost. A crash
 * between XADD and commit republishes, which consumers absorb by event id (at-least-once).
 *
 * <p>Published rows are kept for {@code outbox.retention} (7 days), so that {@link #republishFrom} can
 * publish them again after Redis lost its streams; then they are purged.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long RELAY_LOCK = 0x1A57_0B0BL;
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    Pool pool;

    @Inject
    Redis redis;

    @Inject
    OutboxSettings settings;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    @Inject
    Config config;

    private final Rounds rounds = new Rounds(this::round, this::failed);
    private volatile boolean failing;
    private volatile boolean active;
    private Counter published;
    private Counter failures;
    private PgSubscriber subscriber;

    void start(@Observes StartupEvent start) {
        if (settings.stream().isEmpty()) {
            return;
        }
        String stream = settings.stream().get();
        published = registry.counter("outbox.events.published", "stream", stream);
        failures = registry.counter("outbox.relay.failures", "stream", stream);
        active = true;
        if (settings.listen()) {
            listen();
        }
        wakeUp();
    }

    void stop(@Observes ShutdownEvent stop) {
        active = false;
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** A connection of its own that LISTENs for commits; it reconnects after PostgreSQL restarts. */
    private void listen() {
        PgConnectOptions options = PgConnectOptions.fromUri(settings.listenUrl()
                .orElseGet(() -> config.getValue("quarkus.datasource.reactive.url", String.class)));
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(EventOutbox.CHANNEL).handler(payload -> wakeUp()).subscribeHandler(this::wakeUp);
        subscriber.connect().subscribe().with(ok -> Log.debug("Outbox relay listens for commits"),
                e -> Log.warnf("Outbox relay cannot listen for commits (it polls every %s): %s",
                        settings.interval(), e.toString()));
    }

    /** Asks for a relay round now; coalesces with one already running. */
    public void wakeUp() {
        if (active) {
            rounds.ask();
        }
    }

    @Scheduled(every = "${outbox.interval:1s}", delayed = "1s")
    void tick() {
        wakeUp();
    }

    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> purgePublished() {
        if (!active) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) settings.retention().toSeconds()))
                .invoke(rows -> Log.debugf("Purged %d published outbox events", rows.rowCount()))
                .replaceWithVoid();
    }

    /**
     * Marks every kept event created at or after {@code from} as pending again, so that the relay publishes
     * them once more, in their original order; returns how many. Consumers apply an event id once, so this is
     * safe to repeat. Events older than the retention period are gone and cannot be republished.
     */
    public Uni<Integer> republishFrom(OffsetDateTime from) {
        if (!active) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("UPDATE outbox_event SET published_at = NULL WHERE created_at >= $1 "
                        + "AND published_at IS NOT NULL")
                .execute(Tuple.of(from))
                .map(RowSet::rowCount)
                .invoke(count -> {
                    Log.infof("Republishing %d outbox events created since %s", count, from);
                    wakeUp();
                });
    }

    /** The oldest event still kept, so an operator knows how far back a republish can reach. */
    public Uni<OffsetDateTime> oldestKept() {
        return pool.query("SELECT min(created_at) FROM outbox_event").execute()
                .map(rows -> rows.iterator().next().getOffsetDateTime(0));
    }

    /** A relay batch; a full one means more may be pending. */
    private Uni<Boolean> round() {
        return relayBatch().map(count -> {
            if (failing) {
                Log.info("Outbox relay recovered: publishing to Redis again");
                failing = false;
            }
            return count >= settings.batchSize() && active;
        });
    }

    private void failed(Throwable error) {
        failures.increment();
        if (!failing) {
            Log.warnf("Outbox relay cannot publish (events stay pending and will be retried): %s", error.toString());
            failing = true;
        }
    }

    /** One round: lock, read a batch in order, XADD it in one pipeline, mark it published. */
    public Uni<Integer> relayBatch() {
        return pool.withTransaction(conn -> conn.query("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .execute()
                .flatMap(lock -> lock.iterator().next().getBoolean(0) ? publishPending(conn) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection conn) {
        return conn.preparedQuery("SELECT id, stream, type, envelope FROM outbox_event "
                        + "WHERE published_at IS NULL ORDER BY id LIMIT $1")
                .execute(Tuple.of(settings.batchSize()))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().item(0) : publish(conn, rows));
    }

    private Uni<Integer> publish(SqlConnection conn, RowSet<Row> rows) {
        List<Request> commands = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            commands.add(Request.cmd(Command.XADD).arg(row.getString("stream"))
                    .arg("MAXLEN").arg("~").arg(settings.maxLength()).arg("*")
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
