package com.instainstru.catalog.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads {@code analytics-events} as the consumer group {@code catalog-service}. A
 * {@code service-analytics.updated} fills the read-only analytics columns of the services it names (one
 * statement; an older run delivered late does not overwrite a newer one) in a transaction with the record
 * of its event id, then the cached answers that show or are ordered by those figures are invalidated and
 * the entry acknowledged. Entries left pending by a dead pod are reclaimed after a minute; other types and
 * unreadable entries are acknowledged and ignored (tolerant reader).
 */
@ApplicationScoped
public class AnalyticsEventsConsumer {

    static final String STREAM = "analytics-events";
    static final String GROUP = "catalog-service";
    static final String UPDATED = "service-analytics.updated";
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(3);
    private static final long RECLAIM_IDLE_MS = 60_000;

    @Inject
    Redis redis;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    ResponseCache cache;

    private final String consumer = "catalog-" + ManagementFactory.getRuntimeMXBean().getName();
    private final AtomicBoolean polling = new AtomicBoolean();

    void onStart(@Observes StartupEvent start) {
        ensureGroup().subscribe().with(ok -> { }, e -> Log.warnf("analytics-events group not ready yet: %s", e.toString()));
    }

    /** Creates the group at the start of the stream (history included) if it does not exist. */
    Uni<Void> ensureGroup() {
        return redis.send(Request.cmd(Command.XGROUP).arg("CREATE").arg(STREAM).arg(GROUP).arg("0").arg("MKSTREAM"))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .onFailure(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")).recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(every = "${catalog.analytics-events.interval:1s}", delayed = "2s")
    void tick() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        poll().subscribe().with(n -> polling.set(false), e -> {
            polling.set(false);
            Log.debugf("analytics-events poll failed (will retry): %s", e.toString());
        });
    }

    @Scheduled(every = "1h", delayed = "5m")
    Uni<Void> purgeProcessed() {
        return pool.query("DELETE FROM processed_event WHERE processed_at < now() - interval '7 days'").execute()
                .replaceWithVoid();
    }

    /** Reads new entries (and reclaims stale ones), applies and acknowledges them; returns how many. */
    public Uni<Integer> poll() {
        Uni<Response> fresh = redis.send(Request.cmd(Command.XREADGROUP).arg("GROUP").arg(GROUP).arg(consumer)
                .arg("COUNT").arg(20).arg("STREAMS").arg(STREAM).arg(">"));
        Uni<Response> stale = redis.send(Request.cmd(Command.XAUTOCLAIM).arg(STREAM).arg(GROUP).arg(consumer)
                .arg(RECLAIM_IDLE_MS).arg("0-0").arg("COUNT").arg(20));
        return stale.ifNoItem().after(REDIS_TIMEOUT).fail()
                .onFailure(e -> String.valueOf(e.getMessage()).contains("NOGROUP"))
                .call(e -> ensureGroup())
                .map(reclaimed -> entries(reclaimed == null ? null : reclaimed.get(1)))
                .flatMap(reclaimed -> fresh.ifNoItem().after(REDIS_TIMEOUT).fail().map(read -> {
                    List<Entry> all = new ArrayList<>(reclaimed);
                    if (read != null) {
                        for (Response stream : read) {
                            all.addAll(entries(stream.get(1)));
                        }
                    }
                    return all;
                }))
                .flatMap(all -> Multi.createFrom().iterable(all)
                        .onItem().transformToUniAndConcatenate(entry -> handle(entry).onFailure().recoverWithItem(e -> {
                            Log.warnf("analytics-events entry %s not applied yet: %s", entry.id(), e.toString());
                            return null;
                        }))
                        .collect().asList().map(List::size));
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

    /** Applies one entry with its processed-event record, invalidates what it changed, then acknowledges it. */
    Uni<Void> handle(Entry entry) {
        JsonNode event = parse(entry.envelope());
        Uni<List<CacheKeys.ServiceRef>> applied = event == null ? Uni.createFrom().item(List.of())
                : pool.withTransaction(conn -> firstTime(conn, event).flatMap(first -> first
                        ? apply(conn, event) : Uni.createFrom().item(List.<CacheKeys.ServiceRef>of())));
        return applied
                .call(changed -> changed.isEmpty() ? Uni.createFrom().voidItem()
                        : cache.invalidate(CacheKeys.forServiceOffering(changed)))
                .chain(() -> redis.send(Request.cmd(Command.XACK).arg(STREAM).arg(GROUP).arg(entry.id())))
                .replaceWithVoid();
    }

    private Uni<Boolean> firstTime(SqlConnection conn, JsonNode event) {
        return conn.preparedQuery("INSERT INTO processed_event (event_id, stream) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(UUID.fromString(event.get("id").asText()), STREAM)).map(r -> r.rowCount() == 1);
    }

    /** Fills the analytics columns of the named services; returns the services changed. */
    private Uni<List<CacheKeys.ServiceRef>> apply(SqlConnection conn, JsonNode event) {
        JsonNode payload = event.path("payload");
        if (!UPDATED.equals(event.path("type").asText()) || !payload.path("services").isArray()) {
            return Uni.createFrom().item(List.of());
        }
        OffsetDateTime asOf;
        try {
            asOf = OffsetDateTime.parse(payload.path("asOf").asText());
        } catch (RuntimeException invalid) {
            Log.warnf("Skipping %s %s without a valid asOf", UPDATED, event.get("id").asText());
            return Uni.createFrom().item(List.of());
        }
        // Cast per field in SQL: a malformed entry of one service is skipped, not the whole event.
        return conn.preparedQuery("""
                        WITH a AS (
                            SELECT (e->>'serviceId')::uuid AS id, (e->>'popularity')::float8 AS popularity,
                                   (e->>'demandScore')::float8 AS demand_score, coalesce((e->>'trending')::boolean, false) AS trending,
                                   (e->>'bookings30d')::int AS bookings_30d, (e->>'searches30d')::int AS searches_30d,
                                   (e->>'priceP25')::numeric(8, 2) AS p25, (e->>'priceP50')::numeric(8, 2) AS p50,
                                   (e->>'priceP75')::numeric(8, 2) AS p75
                            FROM jsonb_array_elements($1::jsonb) AS e
                            WHERE e->>'serviceId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
                        UPDATE catalog_service s
                        SET popularity = a.popularity, demand_score = a.demand_score, trending = a.trending,
                            bookings_30d = a.bookings_30d, searches_30d = a.searches_30d,
                            price_p25 = a.p25, price_p50 = a.p50, price_p75 = a.p75, analytics_as_of = $2
                        FROM a
                        WHERE s.id = a.id AND (s.analytics_as_of IS NULL OR s.analytics_as_of <= $2)
                        RETURNING s.id, s.slug, (SELECT c.slug FROM category c WHERE c.id = s.category_id) AS category_slug""")
                .execute(Tuple.of(new JsonArray(payload.get("services").toString()), asOf))
                .map(rows -> {
                    List<CacheKeys.ServiceRef> changed = new ArrayList<>();
                    for (Row r : rows) {
                        changed.add(new CacheKeys.ServiceRef(r.getUUID("id"), r.getString("slug"), r.getString("category_slug")));
                    }
                    Log.infof("Analytics of %d catalog services updated (as of %s)", changed.size(), asOf);
                    return changed;
                });
    }

    /** The envelope, or null when it is not one we can read (it is acknowledged, not retried forever). */
    private JsonNode parse(String envelope) {
        try {
            JsonNode node = envelope == null ? null : json.readTree(envelope);
            if (node == null || !node.hasNonNull("id")) {
                return null;
            }
            UUID.fromString(node.get("id").asText());
            return node;
        } catch (Exception e) {
            Log.warnf("Skipping an unreadable analytics-events entry: %s", e.toString());
            return null;
        }
    }
}
