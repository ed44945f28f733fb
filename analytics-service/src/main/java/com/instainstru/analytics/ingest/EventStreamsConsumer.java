package com.instainstru.analytics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.analytics.infra.AnalyticsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads {@code booking-events}, {@code search-events} and {@code catalog-events} as the consumer group
 * {@code analytics-service}. Each entry is stored in the event log and applied to the facts in one
 * transaction (a redelivered event id is stored once and applied once), then acknowledged. Entries
 * another pod took but never acknowledged are reclaimed (XAUTOCLAIM). Entries that are not envelopes
 * are acknowledged and skipped; unknown types are logged and otherwise ignored (tolerant reader).
 */
@ApplicationScoped
public class EventStreamsConsumer {

    public static final String GROUP = "analytics-service";
    public static final List<String> STREAMS = List.of("booking-events", "search-events", "catalog-events");
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    Redis redis;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    EventProjections projections;

    @Inject
    AnalyticsConfig config;

    @Inject
    MeterRegistry registry;

    private final String consumer = "analytics-" + ManagementFactory.getRuntimeMXBean().getName();
    private final AtomicBoolean polling = new AtomicBoolean();

    void onStart(@Observes StartupEvent start) {
        ensureGroups().subscribe().with(ok -> { }, e -> Log.warnf("stream groups not ready yet: %s", e.toString()));
    }

    /** Creates the group on each stream, at its start (history included), where it does not exist. */
    Uni<Void> ensureGroups() {
        return Multi.createFrom().iterable(STREAMS)
                .onItem().transformToUniAndConcatenate(stream -> redis.send(Request.cmd(Command.XGROUP).arg("CREATE")
                                .arg(stream).arg(GROUP).arg("0").arg("MKSTREAM"))
                        .ifNoItem().after(REDIS_TIMEOUT).fail()
                        .onFailure(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")).recoverWithNull())
                .collect().last().replaceWithVoid();
    }

    @Scheduled(every = "${analytics.ingest.interval:1s}", delayed = "2s")
    void tick() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        poll().subscribe().with(n -> {
            polling.set(false);
            if (n >= config.ingest().batchSize()) {
                tick(); // behind: keep reading rather than wait for the next tick
            }
        }, e -> {
            polling.set(false);
            Log.debugf("stream poll failed (will retry): %s", e.toString());
        });
    }

    /** Drops raw events past their retention; the facts derived from them stay. */
    @Scheduled(every = "1h", delayed = "5m")
    Uni<Void> purgeEventLog() {
        return pool.query("DELETE FROM event_log WHERE received_at < now() - interval '"
                        + config.ingest().retention().toSeconds() + " seconds'").execute()
                .replaceWithVoid();
    }

    /** Reclaims stale entries, reads new ones from every stream, applies and acknowledges them; returns how many. */
    public Uni<Integer> poll() {
        return reclaim().flatMap(reclaimed -> readNew().map(fresh -> {
                    List<Entry> all = new ArrayList<>(reclaimed);
                    all.addAll(fresh);
                    return all;
                }))
                .flatMap(all -> Multi.createFrom().iterable(all)
                        .onItem().transformToUniAndConcatenate(entry -> handle(entry).onFailure().recoverWithItem(e -> {
                            // Left pending: reclaimed and tried again later; the rest of the batch goes on.
                            Log.warnf("%s entry %s not applied yet: %s", entry.stream(), entry.id(), e.toString());
                            return null;
                        }))
                        .collect().asList().map(List::size));
    }

    private Uni<List<Entry>> reclaim() {
        return Multi.createFrom().iterable(STREAMS)
                .onItem().transformToUniAndConcatenate(stream -> redis.send(Request.cmd(Command.XAUTOCLAIM).arg(stream)
                                .arg(GROUP).arg(consumer).arg(config.ingest().reclaimIdle().toMillis()).arg("0-0")
                                .arg("COUNT").arg(config.ingest().batchSize()))
                        .ifNoItem().after(REDIS_TIMEOUT).fail()
                        // A Redis that lost the stream or the group (restarted empty) answers NOGROUP: create it again.
                        .onFailure(e -> String.valueOf(e.getMessage()).contains("NOGROUP"))
                        .call(e -> ensureGroups())
                        .map(reply -> entries(stream, reply == null ? null : reply.get(1))))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private Uni<List<Entry>> readNew() {
        Request read = Request.cmd(Command.XREADGROUP).arg("GROUP").arg(GROUP).arg(consumer)
                .arg("COUNT").arg(config.ingest().batchSize()).arg("STREAMS");
        STREAMS.forEach(read::arg);
        STREAMS.forEach(s -> read.arg(">"));
        return redis.send(read).ifNoItem().after(REDIS_TIMEOUT).fail().map(reply -> {
            List<Entry> all = new ArrayList<>();
            if (reply != null) {
                for (Response stream : reply) {
                    all.addAll(entries(stream.get(0).toString(), stream.get(1)));
                }
            }
            return all;
        });
    }

    record Entry(String stream, String id, String envelope) {
    }

    private static List<Entry> entries(String stream, Response list) {
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
            out.add(new Entry(stream, entry.get(0).toString(), envelope));
        }
        return out;
    }

    /** Stores and applies one entry in a transaction, then acknowledges it. */
    Uni<Void> handle(Entry entry) {
        JsonNode event = parse(entry);
        Uni<Boolean> applied = event == null ? Uni.createFrom().item(false)
                : pool.withTransaction(conn -> projections.record(conn, entry.stream(), event));
        return applied.invoke(first -> registry.counter("analytics.events.ingested", "stream", entry.stream(),
                        "result", first ? "stored" : "duplicate-or-skipped").increment())
                .chain(() -> redis.send(Request.cmd(Command.XACK).arg(entry.stream()).arg(GROUP).arg(entry.id())))
                .replaceWithVoid();
    }

    /** The envelope, or null when it is not one we can read (it is acknowledged, not retried forever). */
    private JsonNode parse(Entry entry) {
        try {
            JsonNode node = entry.envelope() == null ? null : json.readTree(entry.envelope());
            if (node == null || !node.hasNonNull("id") || !node.hasNonNull("type")) {
                Log.warnf("Skipping %s entry %s: not an event envelope", entry.stream(), entry.id());
                return null;
            }
            UUID.fromString(node.get("id").asText());
            return node;
        } catch (Exception e) {
            Log.warnf("Skipping an unreadable %s entry %s: %s", entry.stream(), entry.id(), e.toString());
            return null;
        }
    }
}
