package com.instainstru.catalog.infra;

import com.instainstru.platform.outbox.EventOutbox;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One event in the transactional outbox, as {@link SessionOutbox} writes it (the platform's relay publishes it). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String stream;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String envelope;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    static OutboxEvent of(EventOutbox.Enveloped event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.stream = event.stream();
        row.type = event.type();
        row.envelope = event.envelope();
        row.createdAt = event.createdAt();
        return row;
    }
}
