package com.instainstru.catalog.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
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

    static final String SOURCE = "catalog-service";
    static final int VERSION = 1;

    @Inject
    ObjectMapper json;

    @Inject
    CatalogConfig config;

    /** A domain event before it is enveloped: its type and payload. */
    public record Event(String type, Object payload) {
    }

    /** Adds events to the current transaction's outbox (call inside {@code Panache.withTransaction}). */
    public Uni<Void> record(List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<OutboxEvent> rows = events.stream().map(this::toRow).toList();
        return Panache.getSession().flatMap(session -> session.persistAll(rows.toArray()));
    }

    public Uni<Void> record(String type, Object payload) {
        return record(List.of(new Event(type, payload)));
    }

    /**
     * Adds events to the outbox through a plain SQL connection, for bulk writers that do not use
     * Hibernate (seeding, demo data); call inside that connection's transaction.
     */
    public Uni<Void> insert(SqlClient sql, List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = events.stream().map(this::toRow)
                .map(r -> Tuple.of(r.eventId, r.stream, r.type, r.envelope, r.createdAt)).toList();
        return sql.preparedQuery("INSERT INTO outbox_event (event_id, stream, type, envelope, created_at) "
                + "VALUES ($1, $2, $3, $4, $5)").executeBatch(rows).replaceWithVoid();
    }

    private OutboxEvent toRow(Event event) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", event.type());
        envelope.put("occurredAt", now.toInstant().toString());
        envelope.put("source", SOURCE);
        envelope.put("version", VERSION);
        envelope.put("payload", event.payload());
        OutboxEvent row = new OutboxEvent();
        row.eventId = id;
        row.stream = config.outbox().stream();
        row.type = event.type();
        row.createdAt = now;
        try {
            row.envelope = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.type() + " cannot be serialised", e);
        }
        return row;
    }
}
