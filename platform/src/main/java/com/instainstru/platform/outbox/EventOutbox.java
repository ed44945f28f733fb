package com.instainstru.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.tracing.EventTracing;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A service's outbox: events are written into {@code outbox_event} inside the transaction of the change
 * they describe, in the envelope every stream shares (id, type, occurredAt, source, version, payload, and the
 * trace context of the change: {@link EventTracing}),
 * and the same statement asks PostgreSQL to notify the relay, which it does when (and only if) the
 * transaction commits. So publishing is one call, and nobody has to wake the relay by hand.
 */
@ApplicationScoped
public class EventOutbox {

    /** The channel a commit that added events notifies; the relay listens to it. */
    public static final String CHANNEL = "outbox_event";
    /** The statement a writer that cannot use {@link #record} (an ORM session) runs in its transaction. */
    public static final String NOTIFY_SQL = "SELECT pg_notify('" + CHANNEL + "', '')";
    static final int VERSION = 1;

    private static final String INSERT = """
            WITH added AS (
                INSERT INTO outbox_event (event_id, stream, type, envelope, created_at)
                SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[], $5::timestamptz[])
                RETURNING 1)
            SELECT pg_notify('%s', '') FROM (SELECT count(*) FROM added) AS done""".formatted(CHANNEL);

    @Inject
    ObjectMapper json;

    @Inject
    OutboxSettings settings;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** A domain event before it is enveloped: its type and payload. */
    public record Event(String type, Object payload) {
    }

    /** An event in its envelope, as it is stored: the row an ORM writer persists. */
    @RegisterForReflection
    public record Enveloped(UUID eventId, String stream, String type, String envelope, OffsetDateTime createdAt) {
    }

    /** Adds one event to the outbox on the given connection; call inside the transaction of the change. */
    public Uni<Void> record(SqlClient sql, String type, Object payload) {
        return record(sql, List.of(new Event(type, payload)));
    }

    /** Adds events to the outbox on the given connection, in order; call inside the transaction of the change. */
    public Uni<Void> record(SqlClient sql, List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Enveloped> rows = events.stream().map(e -> envelope(e.type(), e.payload())).toList();
        return writeEnveloped(sql, rows);
    }

    /** Writes events enveloped earlier (their ids and times fixed then). */
    public Uni<Void> writeEnveloped(SqlClient sql, List<Enveloped> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.preparedQuery(INSERT).execute(Tuple.of(
                        rows.stream().map(Enveloped::eventId).toArray(UUID[]::new),
                        rows.stream().map(Enveloped::stream).toArray(String[]::new),
                        rows.stream().map(Enveloped::type).toArray(String[]::new),
                        rows.stream().map(Enveloped::envelope).toArray(String[]::new),
                        rows.stream().map(Enveloped::createdAt).toArray(OffsetDateTime[]::new)))
                .replaceWithVoid();
    }

    /** Envelopes an event now: its id and occurredAt are fixed here, not when it is written. */
    public Enveloped envelope(String type, Object payload) {
        String stream = settings.stream().orElseThrow(() -> new IllegalStateException(
                "this service has no outbox: set outbox.stream to publish " + type));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", type);
        envelope.put("occurredAt", now.toInstant().toString());
        envelope.put("source", source);
        envelope.put("version", VERSION);
        envelope.put("payload", payload);
        tracing.addContext(envelope);
        try {
            return new Enveloped(id, stream, type, json.writeValueAsString(envelope), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " cannot be serialised", e);
        }
    }
}
