package com.instainstru.catalog.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.platform.streams.EventFields;
import com.instainstru.platform.streams.EventHandler;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Applies {@code analytics-events} (read by the platform's stream consumer as the group {@code catalog-service}).
 * A {@code service-analytics.updated} fills the read-only analytics columns of the services it names in one
 * statement (an older run delivered late does not overwrite a newer one); once that has committed, the cached
 * answers that show or are ordered by those figures are invalidated. Other types are ignored (tolerant reader);
 * an event with a figure the columns cannot hold (text for a number, a price out of range, prices in a currency
 * other than USD) is skipped whole.
 */
@ApplicationScoped
public class AnalyticsEventsConsumer implements EventHandler {

    static final String UPDATED = "service-analytics.updated";
    /** The largest price the analytics columns hold (numeric(8, 2)). */
    private static final BigDecimal MAX_PRICE = new BigDecimal("999999.99");

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
        checkFigures(payload.get("services"));
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

    /** Fills the analytics columns of the named services; returns the services changed. */
    private static Uni<List<CacheKeys.ServiceRef>> fillAnalytics(SqlConnection conn, JsonNode services, OffsetDateTime asOf) {
        return conn.preparedQuery(FILL_ANALYTICS).execute(Tuple.of(new JsonArray(services.toString()), asOf))
                .map(AnalyticsEventsConsumer::serviceRefs);
    }

    /**
     * Every figure is one the columns can hold (checked here, before any statement, so that a bad event is
     * skipped whole instead of failing its transaction again at every redelivery).
     */
    private static void checkFigures(JsonNode services) {
        for (JsonNode service : services) {
            EventFields.platformCurrency(service);
            for (String field : List.of("popularity", "demandScore")) {
                check(service, field, n -> n.isNumber() && Double.isFinite(n.asDouble()), "a number");
            }
            for (String field : List.of("bookings30d", "searches30d")) {
                check(service, field, n -> n.isIntegralNumber() && n.canConvertToInt(), "a whole number");
            }
            for (String field : List.of("priceP25", "priceP50", "priceP75")) {
                check(service, field, n -> n.isNumber() && n.decimalValue().setScale(2, RoundingMode.HALF_UP).abs()
                        .compareTo(MAX_PRICE) <= 0, "a price up to " + MAX_PRICE);
            }
            check(service, "trending", JsonNode::isBoolean, "true or false");
        }
    }

    private static void check(JsonNode service, String field, Predicate<JsonNode> valid, String what) {
        JsonNode value = service.path(field);
        if (!value.isMissingNode() && !value.isNull() && !valid.test(value)) {
            throw new IllegalArgumentException(field + " of " + service.path("serviceId").asText() + " must be " + what
                    + ", not " + value);
        }
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
