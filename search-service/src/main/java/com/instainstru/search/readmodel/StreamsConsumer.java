package com.instainstru.search.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.search.infra.SearchConfig;
import io.quarkus.logging.Log;
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
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the read model current from {@code catalog-events}, {@code booking-events} and
 * {@code analytics-events}, read as the consumer group {@code search-service} (pods share the work).
 * The entries read are applied up to 50 in a transaction, each with a record of its event id (a
 * redelivery is applied once), and acknowledged only after that commit; if a chunk fails, its entries
 * are applied one by one (one that fails stays pending). Entries a dead pod left pending are
 * reclaimed. A new group starts at the beginning of what each stream retains. Every write is
 * order-independent (versions, tombstones, a lock per instructor's free time), so pods and chunks
 * may apply entries in any order.
 */
@ApplicationScoped
public class StreamsConsumer {

    static final List<String> STREAMS = List.of("catalog-events", "booking-events", "analytics-events");
    static final String GROUP = "search-service";
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(3);
    private static final int BATCH = 200;

    @Inject
    Redis redis;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    EventApplier applier;

    @Inject
    SearchConfig config;

    private final String consumer = "search-" + ManagementFactory.getRuntimeMXBean().getName();
    private final AtomicBoolean polling = new AtomicBoolean();

    Uni<Void> ensureGroup(String stream) {
        return redis.send(Request.cmd(Command.XGROUP).arg("CREATE").arg(stream).arg(GROUP).arg("0").arg("MKSTREAM"))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .onFailure(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")).recoverWithNull()
                .replaceWithVoid();
    }

    @Inject
    ReadModelRebuild rebuild;

    @Scheduled(every = "${search.streams.interval:1s}", delayed = "1s")
    void tick() {
        // An empty read model is filled from the services first; the events since are applied after it.
        if (!rebuild.done() || !polling.compareAndSet(false, true)) {
            return;
        }
        pollAll().subscribe().with(n -> {
            polling.set(false);
            if (n >= BATCH) {
                tick(); // behind: keep reading rather than wait for the next tick
            }
        }, e -> {
            polling.set(false);
            Log.debugf("stream poll failed (will retry): %s", e.toString());
        });
    }

    /** Forgets applied event ids after a week: redeliveries come within minutes, not weeks. */
    @Scheduled(every = "1h", delayed = "5m")
    Uni<Void> purgeProcessed() {
        return pool.query("DELETE FROM processed_event WHERE processed_at < now() - interval '7 days'").execute()
                .replaceWithVoid();
    }

    /** Reads every stream once; returns the most entries any one of them had. */
    public Uni<Integer> pollAll() {
        return Multi.createFrom().iterable(STREAMS).onItem().transformToUniAndConcatenate(s -> poll(s, consumer, BATCH))
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    /**
     * Reads up to {@code count} new entries of one stream as the group member {@code consumer} (and
     * reclaims stale ones), applies and acknowledges them. Each pod is one member; a test may play several.
     */
    Uni<Integer> poll(String stream, String consumer, int count) {
        Uni<Response> fresh = redis.send(Request.cmd(Command.XREADGROUP).arg("GROUP").arg(GROUP).arg(consumer)
                .arg("COUNT").arg(count).arg("STREAMS").arg(stream).arg(">"));
        Uni<Response> stale = redis.send(Request.cmd(Command.XAUTOCLAIM).arg(stream).arg(GROUP).arg(consumer)
                .arg(config.streams().reclaimIdle().toMillis()).arg("0-0").arg("COUNT").arg(100));
        return stale.ifNoItem().after(REDIS_TIMEOUT).fail()
                // A stream or group that does not exist yet (or a Redis restarted empty) answers NOGROUP.
                .onFailure(e -> String.valueOf(e.getMessage()).contains("NOGROUP"))
                .call(e -> ensureGroup(stream))
                .map(reclaimed -> entries(reclaimed == null ? null : reclaimed.get(1)))
                .flatMap(reclaimed -> fresh.ifNoItem().after(REDIS_TIMEOUT).fail().map(read -> {
                    List<Entry> all = new ArrayList<>(reclaimed);
                    if (read != null) {
                        for (Response s : read) {
                            all.addAll(entries(s.get(1)));
                        }
                    }
                    return all;
                }))
                .flatMap(all -> Multi.createFrom().iterable(chunks(all))
                        .onItem().transformToUniAndConcatenate(chunk -> handleTogether(stream, chunk)
                                .onFailure().recoverWithUni(together -> oneByOne(stream, chunk)))
                        .collect().asList().map(done -> all.size()));
    }

    /** Entries applied together: a backlog costs one commit per chunk, not per entry. */
    private static final int TOGETHER = 50;

    private static List<List<Entry>> chunks(List<Entry> all) {
        List<List<Entry>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += TOGETHER) {
            out.add(all.subList(i, Math.min(all.size(), i + TOGETHER)));
        }
        return out;
    }

    /**
     * Applies the entries in one transaction (each with its processed-event record), then acknowledges
     * them; if any fails for a reason other than its own payload, nothing of the chunk is kept and
     * {@link #oneByOne} takes over.
     */
    Uni<Void> handleTogether(String stream, List<Entry> chunk) {
        List<JsonNode> events = chunk.stream().map(e -> parse(stream, e.envelope())).filter(java.util.Objects::nonNull).toList();
        Uni<Void> applied = events.isEmpty() ? Uni.createFrom().voidItem() : pool.withTransaction(conn -> Multi.createFrom()
                .iterable(events).onItem()
                .transformToUniAndConcatenate(event -> firstTime(conn, stream, event).flatMap(first -> first
                        ? applyOrSkip(conn, stream, event) : Uni.createFrom().voidItem()))
                .collect().last().replaceWithVoid());
        return applied.chain(() -> {
            Request ack = Request.cmd(Command.XACK).arg(stream).arg(GROUP);
            chunk.forEach(e -> ack.arg(e.id()));
            return redis.send(ack);
        }).replaceWithVoid();
    }

    /** Each entry in its own transaction: one that fails stays pending (reclaimed later), the rest go on. */
    private Uni<Void> oneByOne(String stream, List<Entry> chunk) {
        return Multi.createFrom().iterable(chunk)
                .onItem().transformToUniAndConcatenate(entry -> handle(stream, entry).onFailure()
                        .recoverWithItem(e -> {
                            Log.warnf("%s entry %s not applied yet: %s", stream, entry.id(), e.toString());
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }

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

    /** Applies one entry in a transaction with its processed-event record, then acknowledges it. */
    Uni<Void> handle(String stream, Entry entry) {
        JsonNode event = parse(stream, entry.envelope());
        Uni<Void> applied = event == null ? Uni.createFrom().voidItem()
                : pool.withTransaction(conn -> firstTime(conn, stream, event).flatMap(first -> first
                        ? applyOrSkip(conn, stream, event) : Uni.createFrom().voidItem()));
        return applied.chain(() -> redis.send(Request.cmd(Command.XACK).arg(stream).arg(GROUP).arg(entry.id())))
                .replaceWithVoid();
    }

    private Uni<Void> applyOrSkip(SqlConnection conn, String stream, JsonNode event) {
        try {
            return applier.apply(conn, event).onFailure(IllegalArgumentException.class).recoverWithItem(e -> {
                skip(stream, event, e);
                return null;
            });
        } catch (IllegalArgumentException e) {
            // Retrying cannot make it valid: it is recorded as processed, acknowledged and skipped.
            skip(stream, event, e);
            return Uni.createFrom().voidItem();
        }
    }

    private static void skip(String stream, JsonNode event, Throwable e) {
        Log.warnf("Skipping invalid %s event %s (%s): %s", stream, event.path("id").asText(),
                event.path("type").asText(), e.getMessage());
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
}
