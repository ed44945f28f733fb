package com.instainstru.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of a service's outbox (prefix {@code outbox}; each can be set by environment, e.g.
 * {@code OUTBOX_STREAM}). A service without {@code outbox.stream} publishes nothing and runs no relay.
 */
@ConfigMapping(prefix = "outbox")
public interface OutboxSettings {

    /** The Redis stream the service's events go to ({@code booking-events}). */
    Optional<String> stream();

    /** Approximate maximum length of the stream (XADD MAXLEN ~). */
    @WithDefault("500000")
    long maxLength();

    /** Events published per relay round trip. */
    @WithDefault("500")
    int batchSize();

    /** How long published rows are kept (for a republish) before they are purged. */
    @WithDefault("P7D")
    Duration retention();

    /** How often the relay looks for events in case a commit's notification was missed. */
    @WithDefault("1s")
    String interval();

    /** Whether the relay listens for commits (PostgreSQL NOTIFY); when off it only polls every {@link #interval}. */
    @WithDefault("true")
    boolean listen();

    /**
     * Where the relay's LISTEN connection goes ({@code postgresql://host:port/database}), when the requests' pool
     * goes through a transaction-mode pooler that cannot hold a LISTEN: the database's primary, directly.
     * Defaults to {@code quarkus.datasource.reactive.url}.
     */
    Optional<String> listenUrl();
}
