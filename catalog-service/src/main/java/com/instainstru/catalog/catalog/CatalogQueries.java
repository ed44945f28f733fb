package com.instainstru.catalog.catalog;

import com.instainstru.catalog.catalog.CatalogResponses.CatalogResponse;
import com.instainstru.catalog.catalog.CatalogResponses.CategoryHighlights;
import com.instainstru.catalog.catalog.CatalogResponses.CategoryResponse;
import com.instainstru.catalog.catalog.CatalogResponses.CategoryServices;
import com.instainstru.catalog.catalog.CatalogResponses.PriceRange;
import com.instainstru.catalog.catalog.CatalogResponses.ServiceAnalytics;
import com.instainstru.catalog.catalog.CatalogResponses.ServiceResponse;
import com.instainstru.catalog.catalog.CatalogResponses.ServiceSummary;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The catalog's read side: each answer is one SQL statement, whatever the catalog's size
 * (the system this replaces ran 270 queries for its full catalog).
 */
@ApplicationScoped
class CatalogQueries {

    private static final String SERVICE_COLUMNS = """
            s.id, s.slug, s.name, s.description, s.display_order, s.online_capable, s.requires_certification,
            s.search_terms, s.related_slugs, s.active, s.popularity, s.demand_score, s.trending, s.bookings_30d,
            s.searches_30d, s.price_p25, s.price_p50, s.price_p75, s.analytics_as_of, s.version,
            coalesce(off.instructor_count, 0) AS instructor_count, off.min_rate, off.max_rate
            """;

    private static final String CATEGORY_COLUMNS = """
            c.id AS c_id, c.slug AS c_slug, c.name AS c_name, c.subtitle AS c_subtitle, c.icon_name AS c_icon,
            c.display_order AS c_order
            """;

    @Inject
    Pool pool;

    Uni<List<CategoryResponse>> categories() {
        return pool.query("SELECT " + CATEGORY_COLUMNS + """
                , count(s.id) FILTER (WHERE s.active AND off.instructor_count > 0)::int AS service_count
                FROM category c
                LEFT JOIN catalog_service s ON s.category_id = c.id
                LEFT JOIN service_offer_stats off ON off.service_id = s.id
                GROUP BY c.id ORDER BY c.display_order, c.slug
                """).execute().map(rows -> {
            List<CategoryResponse> result = new ArrayList<>();
            for (Row r : rows) {
                result.add(new CategoryResponse(r.getUUID("c_id"), r.getString("c_slug"), r.getString("c_name"),
                        r.getString("c_subtitle"), r.getString("c_icon"), r.getInteger("c_order"),
                        r.getInteger("service_count")));
            }
            return result;
        });
    }

    Uni<Boolean> categoryExists(String slug) {
        return pool.preparedQuery("SELECT 1 FROM category WHERE slug = $1").execute(Tuple.of(slug))
                .map(rows -> rows.size() > 0);
    }

    /** Services of one category (or all), bookable ones only unless {@code includeUnbookable}. */
    Uni<List<ServiceResponse>> services(String categorySlug, boolean includeUnbookable) {
        return pool.preparedQuery("SELECT " + SERVICE_COLUMNS + ", c.slug AS c_slug, c.name AS c_name "
                        + """
                        FROM catalog_service s JOIN category c ON c.id = s.category_id
                        LEFT JOIN service_offer_stats off ON off.service_id = s.id
                        WHERE ($1::text IS NULL OR c.slug = $1)
                          AND ($2 OR (s.active AND off.instructor_count > 0))
                        ORDER BY c.display_order, s.display_order, s.slug
                        """)
                .execute(Tuple.of(categorySlug, includeUnbookable))
                .map(rows -> {
                    List<ServiceResponse> result = new ArrayList<>();
                    rows.forEach(r -> result.add(service(r)));
                    return result;
                });
    }

    /** One service by id or slug, bookable or not (a direct link is not browsing). */
    Uni<Optional<ServiceResponse>> service(UUID id, String slug) {
        return pool.preparedQuery("SELECT " + SERVICE_COLUMNS + ", c.slug AS c_slug, c.name AS c_name "
                        + """
                        FROM catalog_service s JOIN category c ON c.id = s.category_id
                        LEFT JOIN service_offer_stats off ON off.service_id = s.id
                        WHERE s.id = $1 OR s.slug = $2
                        """)
                .execute(Tuple.of(id, slug))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(service(rows.iterator().next())));
    }

    /** Every category with its first {@code limit} bookable services by popularity, then display order. */
    Uni<List<CategoryHighlights>> topPerCategory(int limit) {
        return pool.preparedQuery("WITH ranked AS (SELECT " + SERVICE_COLUMNS + """
                        , s.category_id,
                          row_number() OVER (PARTITION BY s.category_id
                                             ORDER BY s.popularity DESC NULLS LAST, s.display_order, s.slug) AS rank
                        FROM catalog_service s JOIN service_offer_stats off ON off.service_id = s.id
                        WHERE s.active AND off.instructor_count > 0)
                        SELECT s.*, """ + CATEGORY_COLUMNS + """
                        FROM category c LEFT JOIN ranked s ON s.category_id = c.id AND s.rank <= $1
                        ORDER BY c.display_order, c.slug, s.rank
                        """)
                .execute(Tuple.of(limit))
                .map(rows -> groupByCategory(rows, CatalogQueries::summary, (c, services) -> new CategoryHighlights(
                        c.getUUID("c_id"), c.getString("c_slug"), c.getString("c_name"), c.getString("c_subtitle"),
                        c.getString("c_icon"), c.getInteger("c_order"), services)));
    }

    /** Which services the full catalog lists. */
    enum Listed {
        /** What students can book: active services with at least one active instructor. */
        BOOKABLE,
        /** What an instructor can offer: every active service. */
        OFFERABLE,
        /** Everything, retired services included (admins). */
        EVERY
    }

    /** The full catalog: every category with its services, instructor counts and price ranges. */
    Uni<CatalogResponse> all(Listed listed) {
        return pool.preparedQuery("SELECT " + SERVICE_COLUMNS + ", " + CATEGORY_COLUMNS + """
                        , (SELECT count(*)::int FROM instructor WHERE status = 'active') AS active_instructors
                        FROM category c
                        LEFT JOIN (catalog_service s LEFT JOIN service_offer_stats off ON off.service_id = s.id)
                               ON s.category_id = c.id
                              AND ($1 = 'EVERY' OR (s.active AND ($1 = 'OFFERABLE' OR off.instructor_count > 0)))
                        ORDER BY c.display_order, c.slug, s.display_order, s.slug
                        """)
                .execute(Tuple.of(listed.name()))
                .map(rows -> {
                    List<CategoryServices> categories = groupByCategory(rows, CatalogQueries::service,
                            (c, services) -> new CategoryServices(c.getUUID("c_id"), c.getString("c_slug"),
                                    c.getString("c_name"), c.getString("c_subtitle"), c.getString("c_icon"),
                                    c.getInteger("c_order"), services));
                    int services = categories.stream().mapToInt(c -> c.services().size()).sum();
                    int instructors = rows.size() == 0 ? 0 : rows.iterator().next().getInteger("active_instructors");
                    return new CatalogResponse(categories, services, instructors);
                });
    }

    /** Rows of (category, service or null) in order, grouped into one entry per category. */
    private static <S, C> List<C> groupByCategory(RowSet<Row> rows, Function<Row, S> service,
            BiFunction<Row, List<S>, C> category) {
        Map<UUID, List<S>> services = new LinkedHashMap<>();
        Map<UUID, Row> firstRow = new LinkedHashMap<>();
        for (Row r : rows) {
            UUID categoryId = r.getUUID("c_id");
            firstRow.putIfAbsent(categoryId, r);
            List<S> list = services.computeIfAbsent(categoryId, id -> new ArrayList<>());
            if (r.getUUID("id") != null) {
                list.add(service.apply(r));
            }
        }
        List<C> result = new ArrayList<>(firstRow.size());
        firstRow.forEach((id, row) -> result.add(category.apply(row, services.get(id))));
        return result;
    }

    private static ServiceSummary summary(Row r) {
        int instructors = r.getInteger("instructor_count");
        return new ServiceSummary(r.getUUID("id"), r.getString("slug"), r.getString("name"), r.getString("c_slug"),
                r.getInteger("display_order"), r.getBoolean("online_capable"), instructors,
                instructors == 0 ? null : new PriceRange(r.getBigDecimal("min_rate"), r.getBigDecimal("max_rate")),
                r.getDouble("popularity"), r.getBoolean("trending"));
    }

    private static ServiceResponse service(Row r) {
        String categorySlug = r.getString("c_slug");
        String categoryName = r.getString("c_name");
        int instructors = r.getInteger("instructor_count");
        PriceRange price = instructors == 0 ? null : new PriceRange(r.getBigDecimal("min_rate"), r.getBigDecimal("max_rate"));
        ServiceAnalytics analytics = r.getOffsetDateTime("analytics_as_of") == null ? null
                : new ServiceAnalytics(r.getDouble("popularity"), r.getDouble("demand_score"), r.getBoolean("trending"),
                        r.getInteger("bookings_30d"), r.getInteger("searches_30d"), r.getBigDecimal("price_p25"),
                        r.getBigDecimal("price_p50"), r.getBigDecimal("price_p75"), r.getOffsetDateTime("analytics_as_of"));
        return new ServiceResponse(r.getUUID("id"), r.getString("slug"), r.getString("name"), categorySlug, categoryName,
                r.getString("description"), r.getInteger("display_order"), r.getBoolean("online_capable"),
                r.getBoolean("requires_certification"), Arrays.asList(r.getArrayOfStrings("search_terms")),
                Arrays.asList(r.getArrayOfStrings("related_slugs")), r.getBoolean("active"), instructors, price, analytics,
                r.getLong("version"));
    }
}
