package com.instainstru.search.infra;

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

    static final String SOURCE = "search-service";
    static final int VERSION = 1;

    @Inject
    ObjectMapper json;

    @Inject
    SearchConfig config;

    public Uni<Void> record(SqlClient sql, String type, Object payload) {
        return write(sql, List.of(envelope(type, payload)));
    }

    /** An event in its envelope, as it goes into the outbox; {@code occurredAt} is when it was made. */
    public record Enveloped(UUID eventId, String stream, String type, String envelope, OffsetDateTime createdAt) {
    }

    /** Envelopes an event now (its id and occurredAt are fixed here, not when it is written). */
    public Enveloped envelope(String type, Object payload) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", type);
        envelope.put("occurredAt", now.toInstant().toString());
        envelope.put("source", SOURCE);
        envelope.put("version", VERSION);
        envelope.put("payload", payload);
        try {
            return new Enveloped(id, config.outbox().stream(), type, json.writeValueAsString(envelope), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " cannot be serialised", e);
        }
    }

    /** Adds enveloped events to the outbox on the given connection; call inside the transaction of the change. */
    public Uni<Void> write(SqlClient sql, List<Enveloped> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = events.stream()
                .map(r -> Tuple.of(r.eventId(), r.stream(), r.type(), r.envelope(), r.createdAt())).toList();
        return sql.preparedQuery("INSERT INTO outbox_event (event_id, stream, type, envelope, created_at) "
                + "VALUES ($1, $2, $3, $4, $5)").executeBatch(rows).replaceWithVoid();
    }
}
