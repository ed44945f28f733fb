package com.instainstru.analytics.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes events into the outbox inside the caller's transaction, in the envelope every stream
 * shares: id, type, occurredAt, source, version, payload.
 */
@ApplicationScoped
public class EventOutbox {

    static final String SOURCE = "analytics-service";
    static final int VERSION = 1;

    @Inject
    ObjectMapper json;

    @Inject
    AnalyticsConfig config;

    public Uni<Void> record(SqlClient sql, String type, Object payload) {
        return record(sql, List.of(new Event(type, payload)));
    }

    /** A domain event before it is enveloped: its type and payload. */
    public record Event(String type, Object payload) {
    }

    /**
     * Adds events to the outbox on the given connection; call inside the transaction of the change.
     */
    public Uni<Void> record(SqlClient sql, List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = events.stream().map(this::toRow)
                .map(r -> Tuple.of(r.eventId(), r.stream(), r.type(), r.envelope(), r.createdAt())).toList();
        return sql.preparedQuery("INSERT INTO outbox_event (event_id, stream, type, envelope, created_at) "
                + "VALUES ($1, $2, $3, $4, $5)").executeBatch(rows).replaceWithVoid();
    }

    private record Row(UUID eventId, String stream, String type, String envelope, OffsetDateTime createdAt) {
    }

    private Row toRow(Event event) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", event.type());
        envelope.put("occurredAt", now.toInstant().toString());
        envelope.put("source", SOURCE);
        envelope.put("version", VERSION);
        envelope.put("payload", event.payload());
        try {
            return new Row(id, config.outbox().stream(), event.type(), json.writeValueAsString(envelope), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.type() + " cannot be serialised", e);
        }
    }
}
