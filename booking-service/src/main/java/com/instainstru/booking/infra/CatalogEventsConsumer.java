package com.instainstru.booking.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.booking.availability.AvailabilityEvents;
import com.instainstru.platform.streams.EventHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What booking-service does with {@code catalog-events} (read for it by the platform's stream consumer, once
 * per event, in the transaction that records the event as processed): {@code instructor.upserted} keeps the
 * instructor's time zone current. Other types and fields are ignored (tolerant reader).
 */
@ApplicationScoped
public class CatalogEventsConsumer implements EventHandler {

    static final String INSTRUCTOR_UPSERTED = "instructor.upserted";

    @Inject
    AvailabilityEvents availabilityEvents;

    @Inject
    Clock clock;

    /** An instructor's time zone as of a moment (null when the event does not say when it happened). */
    record ZoneChange(UUID instructorId, ZoneId zone, OffsetDateTime asOf) {

        /** Read from an event; an IllegalArgumentException (skipped, never retried) when it is not valid. */
        static ZoneChange of(JsonNode event) {
            JsonNode payload = event.path("payload");
            try {
                return new ZoneChange(UUID.fromString(payload.path("instructorId").asText()),
                        ZoneId.of(payload.get("timeZone").asText()),
                        event.hasNonNull("occurredAt") ? OffsetDateTime.parse(event.get("occurredAt").asText()) : null);
            } catch (RuntimeException invalid) {
                throw new IllegalArgumentException("not a valid instructor.upserted: " + invalid.getMessage(), invalid);
            }
        }
    }

    @Override
    public Uni<Void> apply(Applying applying, JsonNode event) {
        if (!INSTRUCTOR_UPSERTED.equals(event.path("type").asText()) || !event.path("payload").hasNonNull("timeZone")) {
            return Uni.createFrom().voidItem();
        }
        ZoneChange change = ZoneChange.of(event);
        SqlConnection conn = applying.connection();
        return moveToZone(conn, change)
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next())
                .chain(row -> row != null && row.getBoolean("moved")
                        ? restateDates(conn, change, row.getInteger("horizon_days"))
                        : Uni.createFrom().voidItem());
    }

    /**
     * Sets the zone unless a newer event set one already (an older event delivered late does not overwrite
     * it); answers whether the zone really changed, and the instructor's horizon.
     */
    private Uni<RowSet<Row>> moveToZone(SqlConnection conn, ZoneChange change) {
        return conn.preparedQuery("""
                        UPDATE instructor_settings s SET time_zone = $2, time_zone_as_of = $3, updated_at = now()
                        FROM (SELECT time_zone AS old FROM instructor_settings WHERE instructor_id = $1 FOR UPDATE) o
                        WHERE s.instructor_id = $1
                          AND ($3::timestamptz IS NULL OR s.time_zone_as_of IS NULL OR s.time_zone_as_of < $3)
                        RETURNING o.old IS DISTINCT FROM s.time_zone AS moved, s.horizon_days""")
                .execute(Tuple.of(change.instructorId(), change.zone().getId(), change.asOf()));
    }

    /** A new zone moves every window in time: their dates from yesterday to the horizon are announced again. */
    private Uni<Void> restateDates(SqlConnection conn, ZoneChange change, int horizonDays) {
        LocalDate today = LocalDate.now(clock.withZone(change.zone()));
        return availabilityEvents.restated(conn, List.of(change.instructorId()), today.minusDays(1),
                today.plusDays(horizonDays));
    }
}
