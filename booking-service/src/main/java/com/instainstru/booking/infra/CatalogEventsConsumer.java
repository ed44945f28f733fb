package com.instainstru.booking.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.booking.availability.AvailabilityEvents;
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
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads {@code catalog-events} as the consumer group {@code booking-service}: each entry is applied in
 * its own transaction together with a record of its event id (so a redelivery is applied once), and
 * acknowledged only after that commit. Entries another pod took but never acknowledged are reclaimed
 * after a minute. Unknown event types are acknowledged and ignored (tolerant reader).
 * Applied today: {@code instructor.upserted} keeps the instructor's time zone current.
 */
@ApplicationScoped
public class CatalogEventsConsumer {

    static final String STREAM = "catalog-events";
    static final String GROUP = "booking-service";
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(3);
    private static final long RECLAIM_IDLE_MS = 60_000;

    @Inject
    Redis redis;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    AvailabilityEvents availabilityEvents;

    @Inject
    java.time.Clock clock;

    private final String consumer = "booking-" + ManagementFactory.getRuntimeMXBean().getName();
    private final AtomicBoolean polling = new AtomicBoolean();

    void onStart(@Observes StartupEvent start) {
        ensureGroup().subscribe().with(ok -> { }, e -> Log.warnf("catalog-events group not ready yet: %s", e.toString()));
    }

    /** Creates the group at the start of the stream (history included) if it does not exist. */
    Uni<Void> ensureGroup() {
        return redis.send(Request.cmd(Command.XGROUP).arg("CREATE").arg(STREAM).arg(GROUP).arg("0").arg("MKSTREAM"))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .onFailure(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")).recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(every = "${booking.catalog-events.interval:1s}", delayed = "2s")
    void tick() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        poll().subscribe().with(n -> {
            polling.set(false);
            if (n >= 200) {
                tick(); // behind: keep reading rather than wait for the next tick
            }
        }, e -> {
            polling.set(false);
            Log.debugf("catalog-events poll failed (will retry): %s", e.toString());
        });
    }

    /** Forgets applied event ids after a week: redeliveries come within minutes, not weeks. */
    @Scheduled(every = "1h", delayed = "5m")
    Uni<Void> purgeProcessed() {
        return pool.query("DELETE FROM processed_event WHERE processed_at < now() - interval '7 days'").execute()
                .replaceWithVoid();
    }

    /** Reads new entries (and reclaims stale ones), applies and acknowledges them; returns how many. */
    public Uni<Integer> poll() {
        Uni<Response> fresh = redis.send(Request.cmd(Command.XREADGROUP).arg("GROUP").arg(GROUP).arg(consumer)
                .arg("COUNT").arg(200).arg("STREAMS").arg(STREAM).arg(">"));
        Uni<Response> stale = redis.send(Request.cmd(Command.XAUTOCLAIM).arg(STREAM).arg(GROUP).arg(consumer)
                .arg(RECLAIM_IDLE_MS).arg("0-0").arg("COUNT").arg(100));
        return stale.ifNoItem().after(REDIS_TIMEOUT).fail()
                // A Redis that lost the stream or the group (restarted empty) answers NOGROUP: create it again.
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
                            // Left pending: reclaimed and tried again later; the rest of the batch goes on.
                            Log.warnf("catalog-events entry %s not applied yet: %s", entry.id(), e.toString());
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

    /** Applies one entry in a transaction with its processed-event record, then acknowledges it. */
    Uni<Void> handle(Entry entry) {
        JsonNode event = parse(entry.envelope());
        Uni<Void> applied = event == null ? Uni.createFrom().voidItem()
                : pool.withTransaction(conn -> firstTime(conn, event).flatMap(first -> first
                        ? apply(conn, event) : Uni.createFrom().voidItem()));
        return applied.chain(() -> redis.send(Request.cmd(Command.XACK).arg(STREAM).arg(GROUP).arg(entry.id())))
                .replaceWithVoid();
    }

    private Uni<Boolean> firstTime(SqlConnection conn, JsonNode event) {
        return conn.preparedQuery("INSERT INTO processed_event (event_id, stream) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(UUID.fromString(event.get("id").asText()), STREAM)).map(r -> r.rowCount() == 1);
    }

    private Uni<Void> apply(SqlConnection conn, JsonNode event) {
        JsonNode payload = event.path("payload");
        if (!"instructor.upserted".equals(event.path("type").asText()) || !payload.hasNonNull("timeZone")) {
            return Uni.createFrom().voidItem();
        }
        UUID instructor;
        String zone;
        OffsetDateTime occurredAt;
        try {
            instructor = UUID.fromString(payload.path("instructorId").asText());
            zone = ZoneId.of(payload.get("timeZone").asText()).getId();
            occurredAt = event.hasNonNull("occurredAt") ? OffsetDateTime.parse(event.get("occurredAt").asText()) : null;
        } catch (RuntimeException invalid) {
            // Retrying cannot make it valid: it is recorded as processed, acknowledged and skipped.
            Log.warnf("Skipping invalid instructor.upserted %s: %s", event.get("id").asText(), invalid.toString());
            return Uni.createFrom().voidItem();
        }
        // An older event delivered late (reclaimed from a dead pod) does not overwrite a newer zone.
        // A new zone moves every window in time: their dates from yesterday on are announced again.
        return conn.preparedQuery("""
                        UPDATE instructor_settings s SET time_zone = $2, time_zone_as_of = $3, updated_at = now()
                        FROM (SELECT time_zone AS old FROM instructor_settings WHERE instructor_id = $1 FOR UPDATE) o
                        WHERE s.instructor_id = $1
                          AND ($3::timestamptz IS NULL OR s.time_zone_as_of IS NULL OR s.time_zone_as_of < $3)
                        RETURNING o.old IS DISTINCT FROM s.time_zone AS moved, s.horizon_days""")
                .execute(Tuple.of(instructor, zone, occurredAt))
                .flatMap(rows -> {
                    if (rows.size() == 0 || !rows.iterator().next().getBoolean("moved")) {
                        return Uni.createFrom().voidItem();
                    }
                    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(zone)));
                    return availabilityEvents.restated(conn, List.of(instructor), today.minusDays(1),
                            today.plusDays(rows.iterator().next().getInteger("horizon_days")));
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
            Log.warnf("Skipping an unreadable catalog-events entry: %s", e.toString());
            return null;
        }
    }
}
