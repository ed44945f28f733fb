package com.instainstru.catalog.infra;

import com.instainstru.platform.outbox.EventOutbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The platform's outbox for writers in a Hibernate Reactive session: the event, enveloped by {@link EventOutbox},
 * is persisted as an {@link OutboxEvent} in the current transaction, which also asks PostgreSQL to notify the
 * relay; the notification goes out when (and only if) the transaction commits. Call inside
 * {@code Panache.withTransaction}. Writers on a plain SQL connection use {@link EventOutbox#record} instead.
 */
@ApplicationScoped
public class SessionOutbox {

    @Inject
    EventOutbox outbox;

    public Uni<Void> record(String type, Object payload) {
        OutboxEvent row = OutboxEvent.of(outbox.envelope(type, payload));
        return Panache.getSession().flatMap(session -> session.persist(row)
                .chain(() -> session.createNativeQuery(EventOutbox.NOTIFY_SQL).getSingleResult()))
                .replaceWithVoid();
    }
}
