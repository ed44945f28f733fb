package com.instainstru.platform.streams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of a service's stream consumer (prefix {@code streams}; e.g. {@code STREAMS_INTERVAL}). */
@ConfigMapping(prefix = "streams")
public interface StreamsSettings {

    /** The streams the service reads, e.g. {@code catalog-events,booking-events}; none: it reads nothing. */
    Optional<List<String>> names();

    /** Whether this pod reads them; {@code false}: a pod that only does the service's other work (a sender). */
    @WithDefault("true")
    boolean enabled();

    /** Its consumer group; the service's name when not set. */
    Optional<String> group();

    /** How often the streams are read when there is no backlog. */
    @WithDefault("1s")
    String interval();

    /** Most entries read from one stream in one round. */
    @WithDefault("200")
    int batchSize();

    /** Entries applied in one transaction (a backlog costs one commit per chunk, not per entry). */
    @WithDefault("50")
    int chunkSize();

    /** How long an entry another pod read may stay unacknowledged before this pod takes it over. */
    @WithDefault("60s")
    Duration reclaimIdle();

    /** How long applied event ids are remembered (redeliveries and republishes come within it). */
    @WithDefault("P7D")
    Duration processedRetention();
}
