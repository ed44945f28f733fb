package com.instainstru.platform.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.tracing.EventTracing;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the service's streams ({@code streams.names}) as its consumer group (pods share the work) and hands
 * each event to the service's {@link EventHandler}. Entries are applied up to {@code streams.chunk-size} in
 * a transaction, each with a record of its event id in {@code processed_event} (a redelivery or a republish
 * is applied once), and acknowledged only after that commit; if a chunk fails, its entries are applied one
 * by one, and one that fails stays pending. Entries a dead pod left pending are reclaimed after
 * {@code streams.reclaim-idle}. A new group starts at the beginning of what each stream retains; a Redis
 * that lost the group (restarted empty) gets it again. Unknown event types are the handler's to ignore.
 */
@ApplicationScoped
public class StreamConsumer {

    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    Redis redis;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    StreamsSettings settings;

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private final AtomicBoolean polling = new AtomicBoolean();
    private String consumer;
    private volatile boolean active;

    void start(@Observes StartupEvent start) {
        consumer = service + "-" + ManagementFactory.getRuntimeMXBean().getName();
        active = settings.enabled() && !streams().isEmpty() && handlers.isResolvable();
        if (!streams().isEmpty() && !handlers.isResolvable()) {
            Log.warnf("streams.names is set but there is no EventHandler bean: %s are not read", streams());
        }
    }

    /**
     * Shutting down: no new entry is read or reclaimed from here on; the chunk in hand finishes (an entry this
     * pod read but did not acknowledge is reclaimed by another pod after {@code streams.reclaim-idle}).
     */
    void stop(@Observes ShutdownEvent stop) {
        stopReading();
    }

    /** Stops reading for good (what shutting down does). */
    public void stopReading() {
        active = false;
    }

    public List<String> streams() {
        return settings.names().orElse(List.of());
    }

    public String group() {
        return settings.group().orElse(service);
    }

    /** Creates the group at the start of the stream (history included) if it does not exist. */
    public Uni<Void> ensureGroup(String stream) {
        return redis.send(Request.cmd(Command.XGROUP).arg("CREATE").arg(stream).arg(group()).arg("0").arg("MKSTREAM"))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .onFailure(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")).recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(every = "${streams.interval:1s}", delayed = "1s")
    void tick() {
        if (!active || !handlers.get().ready() || !polling.compareAndSet(false, true)) {
            return;
        }
        pollAll().subscribe().with(n -> {
            polling.set(false);
            if (n >= settings.batchSize()) {
                tick(); // behind: keep reading rather than wait for the next tick
            }
        }, e -> {
            polling.set(false);
            Log.debugf("stream poll failed (will retry): %s", e.toString());
        });
    }

    /** Forgets applied event ids after the retention: redeliveries come within minutes, republishes within days. */
    @Scheduled(every = "1h", delayed = "5m")
    Uni<Void> purgeProcessed() {
        if (!active) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("DELETE FROM processed_event WHERE processed_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) settings.processedRetention().toSeconds()))
                .replaceWithVoid();
    }

    /** Reads every stream once as this pod; returns the most entries any one of them had. */
    public Uni<Integer> pollAll() {
        return Multi.createFrom().iterable(streams())
                .onItem().transformToUniAndConcatenate(s -> poll(s, consumer, settings.batchSize()))
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    /**
     * Reads up to {@code count} new entries of one stream as the group member {@code member} (and reclaims
     * stale ones), applies and acknowledges them; returns how many. Each pod is one member; a test may play several.
     */
    public Uni<Integer> poll(String stream, String member, int count) {
        return reclaimStale(stream, member)
                .flatMap(reclaimed -> readNew(stream, member, count).map(fresh -> {
                    List<Entry> all = new ArrayList<>(reclaimed);
                    all.addAll(fresh);
                    return all;
                }))
                .flatMap(all -> Multi.createFrom().iterable(chunks(all))
                        .onItem().transformToUniAndConcatenate(chunk -> applyTogether(stream, chunk)
                                .onFailure().recoverWithUni(together -> applyOneByOne(stream, chunk)))
                        .collect().asList().map(done -> all.size()));
    }

    private Uni<List<Entry>> reclaimStale(String stream, String member) {
        return redis.send(Request.cmd(Command.XAUTOCLAIM).arg(stream).arg(group()).arg(member)
                        .arg(settings.reclaimIdle().toMillis()).arg("0-0").arg("COUNT").arg(100))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                // A stream or group that does not exist yet (or a Redis restarted empty) answers NOGROUP: the group
                // is made, nothing is pending in it, and the same poll goes on to read.
                .onFailure(e -> String.valueOf(e.getMessage()).contains("NOGROUP"))
                .recoverWithUni(e -> ensureGroup(stream).replaceWith((Response) null))
                .map(reclaimed -> entries(reclaimed == null ? null : reclaimed.get(1)));
    }

    private Uni<List<Entry>> readNew(String stream, String member, int count) {
        return redis.send(Request.cmd(Command.XREADGROUP).arg("GROUP").arg(group()).arg(member)
                        .arg("COUNT").arg(count).arg("STREAMS").arg(stream).arg(">"))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .map(read -> {
                    List<Entry> out = new ArrayList<>();
                    if (read != null) {
                        for (Response s : read) {
                            out.addAll(entries(s.get(1)));
                        }
                    }
                    return out;
                });
    }

    private List<List<Entry>> chunks(List<Entry> all) {
        List<List<Entry>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += settings.chunkSize()) {
            out.add(all.subList(i, Math.min(all.size(), i + settings.chunkSize())));
        }
        return out;
    }

    /**
     * Applies the entries in one transaction (each with its processed-event record), then acknowledges them;
     * if any fails for a reason other than its own payload, nothing of the chunk is kept and
     * {@link #applyOneByOne} takes over.
     */
    private Uni<Void> applyTogether(String stream, List<Entry> chunk) {
        List<JsonNode> events = chunk.stream().map(e -> parse(stream, e.envelope())).filter(Objects::nonNull).toList();
        return inTransaction(stream, events).chain(() -> acknowledge(stream, chunk));
    }

    /** Each entry in its own transaction: one that fails stays pending (reclaimed later), the rest go on. */
    private Uni<Void> applyOneByOne(String stream, List<Entry> chunk) {
        return Multi.createFrom().iterable(chunk)
                .onItem().transformToUniAndConcatenate(entry -> applyTogether(stream, List.of(entry))
                        .onFailure().recoverWithItem(e -> {
                            Log.warnf("%s entry %s not applied yet: %s", stream, entry.id(), e.toString());
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> inTransaction(String stream, List<JsonNode> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Runnable> afterCommit = new ArrayList<>();
        return pool.withTransaction(conn -> {
            Transaction applying = new Transaction(conn, stream, afterCommit);
            return Multi.createFrom().iterable(events)
                    .onItem().transformToUniAndConcatenate(event -> firstTime(conn, stream, event)
                            .flatMap(first -> first ? applyOrSkip(applying, event) : Uni.createFrom().voidItem()))
                    .collect().last().replaceWithVoid();
        }).invoke(() -> afterCommit.forEach(StreamConsumer::runQuietly));
    }

    /**
     * Applies one event as if it had been read from {@code stream}, without Redis: in its own transaction with
     * its processed-event record, through the same handler and after-commit actions. Returns whether it was
     * new (false: its id was applied before, nothing changed). For tests and tools that feed events directly.
     */
    public Uni<Boolean> applyOnce(String stream, JsonNode event) {
        List<Runnable> afterCommit = new ArrayList<>();
        return pool.withTransaction(conn -> firstTime(conn, stream, event)
                        .call(first -> first ? applyOrSkip(new Transaction(conn, stream, afterCommit), event)
                                : Uni.createFrom().voidItem()))
                .invoke(() -> afterCommit.forEach(StreamConsumer::runQuietly));
    }

    private Uni<Void> acknowledge(String stream, List<Entry> chunk) {
        Request ack = Request.cmd(Command.XACK).arg(stream).arg(group());
        chunk.forEach(e -> ack.arg(e.id()));
        return redis.send(ack).replaceWithVoid();
    }

    /** Applies the event in a span continuing the trace its envelope carries (platform EventTracing). */
    private Uni<Void> applyOrSkip(Transaction applying, JsonNode event) {
        return tracing.applying(applying.stream(), event, () -> applyOrSkipUntraced(applying, event));
    }

    private Uni<Void> applyOrSkipUntraced(Transaction applying, JsonNode event) {
        try {
            return handlers.get().apply(applying, event).onFailure(IllegalArgumentException.class).recoverWithItem(e -> {
                skip(applying.stream(), event, e);
                return null;
            });
        } catch (IllegalArgumentException e) {
            // Retrying cannot make it valid: it is recorded as processed, acknowledged and skipped.
            skip(applying.stream(), event, e);
            return Uni.createFrom().voidItem();
        }
    }

    private static void skip(String stream, JsonNode event, Throwable e) {
        Log.warnf("Skipping invalid %s event %s (%s): %s", stream, event.path("id").asText(),
                event.path("type").asText(), e.getMessage());
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            Log.warnf("An after-commit action of an applied event failed: %s", e.toString());
        }
    }

    private Uni<Boolean> firstTime(SqlConnection conn, String stream, JsonNode event) {
        return conn.preparedQuery("INSERT INTO processed_event (event_id, stream) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(UUID.fromString(event.get("id").asText()), stream)).map(r -> r.rowCount() == 1);
    }

    /** The envelope, or null when it is not one we can read (it is acknowledged, not retried forever). */
    private JsonNode parse(String stream, String envelope) {
        try {
            JsonNode node = envelope == null ? null : json.readTree(envelope);
            if (node == null || !node.hasNonNull("id")) {
                return null;
            }
            UUID.fromString(node.get("id").asText());
            return node;
        } catch (Exception e) {
            Log.warnf("Skipping an unreadable %s entry: %s", stream, e.toString());
            return null;
        }
    }

    /** One entry of a stream: its id and envelope (null when the entry has none). */
    record Entry(String id, String envelope) {
    }

    private static List<Entry> entries(Response list) {
        List<Entry> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (Response entry : list) {
            if (entry == null || entry.size() < 2 || entry.get(1) == null) {
                continue; // an entry trimmed from the stream while pending
            }
            String envelope = null;
            Response fields = entry.get(1);
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if ("envelope".equals(fields.get(i).toString())) {
                    envelope = fields.get(i + 1).toString();
                }
            }
            out.add(new Entry(entry.get(0).toString(), envelope));
        }
        return out;
    }

    private record Transaction(SqlConnection connection, String stream, List<Runnable> actions)
            implements EventHandler.Applying {

        @Override
        public void afterCommit(Runnable action) {
            actions.add(action);
        }
    }
}
