package com.instainstru.platform.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What a service does with one event of the streams it reads (one bean per service). {@link StreamConsumer}
 * calls it inside the transaction that records the event's id as processed, so an event is applied once
 * however often it is delivered. An event that can never be applied (a malformed payload) is reported by
 * throwing or failing with {@link IllegalArgumentException}: it is logged, recorded and skipped. Any other
 * failure rolls the event back; it stays pending and is tried again.
 */
public interface EventHandler {

    /** Applies the event (its whole envelope: id, type, occurredAt, source, version, payload). */
    Uni<Void> apply(Applying applying, JsonNode event);

    /** Whether events may be applied yet (a service filling its read model first says no). */
    default boolean ready() {
        return true;
    }

    /** The transaction an event is applied in, and what to do once it has committed. */
    interface Applying {

        SqlConnection connection();

        /** The stream the event came from. */
        String stream();

        /** Runs after the commit (e.g. evicting a cache); not at all if the transaction rolls back. */
        void afterCommit(Runnable action);
    }
}
