package com.instainstru.catalog.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.platform.streams.EventHandler;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@code analytics-events} (read by the platform's stream consumer as the group {@code catalog-service}).
 * A {@code service-analytics.updated} fills the read-only analytics columns of the services it names in one
 * statement (an older run delivered late does not overwrite a newer one); once that has committed, the cached
 * answers that show or are ordered by those figures are invalidated. Other types are ignored (tolerant reader);
 * an event whose figures cannot be stored is skipped whole.
 */
@ApplicationScoped
public class AnalyticsEventsConsumer implements EventHandler {

    static final String UPDATED = "service-analytics.updated";

    private static final String FILL_ANALYTICS = """
            WITH a AS (
                SELECT (e->>'serviceId')::uuid AS id, (e->>'popularity')::float8 AS popularity,
                       (e->>'demandScore')::float8 AS demand_score, coalesce((e->>'trending')::boolean, false) AS trending,
                       (e->>'bookings30d')::int AS bookings_30d, (e->>'searches30d')::int AS searches_30d,
                       (e->>'priceP25')::numeric(8, 2) AS p25, (e->>'priceP50')::numeric(8, 2) AS p50,
                       (e->>'priceP75')::numeric(8, 2) AS p75
                FROM jsonb_array_elements($1::jsonb) AS e
                WHERE e->>'serviceId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
            UPDATE catalog_service s
            SET popularity = a.popularity, demand_score = a.demand_score, trending = a.trending,
                bookings_30d = a.bookings_30d, searches_30d = a.searches_30d,
                price_p25 = a.p25, price_p50 = a.p50, price_p75 = a.p75, analytics_as_of = $2
            FROM a
            WHERE s.id = a.id AND (s.analytics_as_of IS NULL OR s.analytics_as_of <= $2)
            RETURNING s.id, s.slug, (SELECT c.slug FROM category c WHERE c.id = s.category_id) AS category_slug""";

    @Inject
    ResponseCache cache;

    @Override
    public Uni<Void> apply(Applying applying, JsonNode event) {
        if (!UPDATED.equals(event.path("type").asText())) {
            return Uni.createFrom().voidItem();
        }
        JsonNode payload = event.path("payload");
        if (!payload.path("services").isArray()) {
            throw new IllegalArgumentException("no services array");
        }
        OffsetDateTime asOf = asOf(payload);
        return fillAnalytics(applying.connection(), payload.get("services"), asOf)
                .invoke(changed -> Log.infof("Analytics of %d catalog services updated (as of %s)", changed.size(), asOf))
                .invoke(changed -> applying.afterCommit(() -> invalidate(changed)))
                .replaceWithVoid();
    }

    private static OffsetDateTime asOf(JsonNode payload) {
        try {
            return OffsetDateTime.parse(payload.path("asOf").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("no valid asOf", e);
        }
    }

    /**
     * Fills the analytics columns of the named services; returns the services changed. Figures the columns
     * cannot hold (text for a number, a price out of range) fail the statement: it is undone to a savepoint,
     * so the rest of the transaction stands, and the event is skipped.
     */
    private static Uni<List<CacheKeys.ServiceRef>> fillAnalytics(SqlConnection conn, JsonNode services, OffsetDateTime asOf) {
        return conn.query("SAVEPOINT analytics_event").execute()
                .chain(() -> conn.preparedQuery(FILL_ANALYTICS).execute(Tuple.of(new JsonArray(services.toString()), asOf)))
                .onFailure(AnalyticsEventsConsumer::badFigures)
                .recoverWithUni(e -> conn.query("ROLLBACK TO SAVEPOINT analytics_event").execute()
                        .onItem().failWith(() -> new IllegalArgumentException("figures that cannot be stored: " + e.getMessage())))
                .map(AnalyticsEventsConsumer::serviceRefs);
    }

    private static boolean badFigures(Throwable e) {
        return e instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22");
    }

    private static List<CacheKeys.ServiceRef> serviceRefs(RowSet<Row> rows) {
        List<CacheKeys.ServiceRef> changed = new ArrayList<>();
        for (Row r : rows) {
            changed.add(new CacheKeys.ServiceRef(r.getUUID("id"), r.getString("slug"), r.getString("category_slug")));
        }
        return changed;
    }

    private void invalidate(List<CacheKeys.ServiceRef> changed) {
        if (!changed.isEmpty()) {
            cache.invalidate(CacheKeys.forServiceOffering(changed)).subscribe().with(ok -> { }, e -> { });
        }
    }
}
