package com.instainstru.catalog.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.catalog.events.CatalogServiceUpserted;
import com.instainstru.platform.outbox.EventOutbox;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Seeds the categories and catalog services from {@code seed/catalog.json} at start. Only missing
 * rows are added (an admin's later edits are kept), and search terms the seed has that a service lacks
 * are added to it, so every start and every pod may run it; each added or extended service is
 * announced on catalog-events like any other.
 */
@ApplicationScoped
class CatalogSeeder {

    static final String SEED = "seed/catalog.json";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    EventOutbox outbox;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedCategory(String name, String slug, String subtitle, @JsonProperty("display_order") int displayOrder,
            @JsonProperty("icon_name") String iconName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedService(String name, String slug, String category, @JsonProperty("display_order") int displayOrder,
            @JsonProperty("online_capable") boolean onlineCapable,
            @JsonProperty("requires_certification") boolean requiresCertification,
            @JsonProperty("search_terms") List<String> searchTerms,
            @JsonProperty("related_services") List<String> relatedServices) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Seed(List<SeedCategory> categories, List<SeedService> services) {
    }

    void onStart(@Observes StartupEvent start) {
        Seed seed = read();
        int added = pool.withTransaction(conn -> insertCategories(conn, seed.categories())
                        .flatMap(v -> insertServices(conn, seed)))
                .await().atMost(Duration.ofSeconds(60));
        int extended = pool.withTransaction(conn -> addSearchTerms(conn, seed)).await().atMost(Duration.ofSeconds(60));
        if (added > 0 || extended > 0) {
            Log.infof("Seeded %d catalog services; added new search terms of the seed to %d", added, extended);
        }
    }

    Seed read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException(SEED + " is missing from the classpath");
            }
            return json.readValue(in, Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Uni<Void> insertCategories(SqlConnection conn, List<SeedCategory> categories) {
        List<Tuple> rows = categories.stream().map(c -> Tuple.of(Category.idForSlug(c.slug()), c.slug(), c.name(),
                c.subtitle(), c.iconName(), c.displayOrder())).toList();
        return conn.preparedQuery("INSERT INTO category (id, slug, name, subtitle, icon_name, display_order) "
                + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING").executeBatch(rows).replaceWithVoid();
    }

    /** Inserts the services that are missing, in one statement, and records an event for each one added. */
    private Uni<Integer> insertServices(SqlConnection conn, Seed seed) {
        Map<String, SeedCategory> categories = seed.categories().stream()
                .collect(Collectors.toMap(SeedCategory::slug, Function.identity()));
        List<Tuple> rows = seed.services().stream().map(s -> Tuple.tuple(List.of(CatalogService.idForSlug(s.slug()),
                Category.idForSlug(s.category()), s.slug(), s.name(), s.displayOrder(), s.onlineCapable(),
                s.requiresCertification(), s.searchTerms().toArray(String[]::new),
                s.relatedServices().toArray(String[]::new)))).toList();
        return conn.preparedQuery("""
                        INSERT INTO catalog_service (id, category_id, slug, name, display_order, online_capable,
                                                     requires_certification, search_terms, related_slugs)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT DO NOTHING RETURNING slug""")
                .executeBatch(rows)
                .flatMap(result -> {
                    List<String> added = new ArrayList<>();
                    for (var rs = result; rs != null; rs = rs.next()) {
                        for (Row row : rs) {
                            added.add(row.getString("slug"));
                        }
                    }
                    Map<String, SeedService> bySlug = seed.services().stream()
                            .collect(Collectors.toMap(SeedService::slug, Function.identity()));
                    List<EventOutbox.Event> events = added.stream().map(bySlug::get).map(s -> new EventOutbox.Event(
                            CatalogServiceUpserted.TYPE, new CatalogServiceUpserted(CatalogService.idForSlug(s.slug()),
                                    s.slug(), s.name(), s.category(), categories.get(s.category()).name(), s.searchTerms(),
                                    s.relatedServices(), s.onlineCapable(), true, null, s.displayOrder(),
                                    s.requiresCertification(), 0))).toList();
                    return outbox.record(conn, events).replaceWith(added.size());
                });
    }

    /**
     * Search terms the seed has that a service lacks (the seed grows: other languages, new phrasings) are
     * added to it, the admin's own terms kept; each service so changed is announced with its new version.
     */
    private Uni<Integer> addSearchTerms(SqlConnection conn, Seed seed) {
        List<Tuple> rows = seed.services().stream().map(s -> Tuple.of(CatalogService.idForSlug(s.slug()),
                s.searchTerms().toArray(String[]::new))).toList();
        return conn.preparedQuery("""
                        UPDATE catalog_service s
                           SET search_terms = s.search_terms || ARRAY(SELECT t FROM unnest($2::text[]) t
                                                                      WHERE NOT t = ANY(s.search_terms)),
                               version = s.version + 1, updated_at = now()
                          FROM category c
                         WHERE s.id = $1 AND c.id = s.category_id AND NOT s.search_terms @> $2::text[]
                        RETURNING s.id, s.slug, s.name, c.slug AS c_slug, c.name AS c_name, s.search_terms,
                                  s.related_slugs, s.online_capable, s.active, s.description, s.display_order,
                                  s.requires_certification, s.version""")
                .executeBatch(rows)
                .flatMap(result -> {
                    List<EventOutbox.Event> events = new ArrayList<>();
                    for (var rs = result; rs != null; rs = rs.next()) {
                        for (Row r : rs) {
                            events.add(new EventOutbox.Event(CatalogServiceUpserted.TYPE, new CatalogServiceUpserted(
                                    r.getUUID("id"), r.getString("slug"), r.getString("name"), r.getString("c_slug"),
                                    r.getString("c_name"), List.of(r.getArrayOfStrings("search_terms")),
                                    List.of(r.getArrayOfStrings("related_slugs")), r.getBoolean("online_capable"),
                                    r.getBoolean("active"), r.getString("description"), r.getInteger("display_order"),
                                    r.getBoolean("requires_certification"), r.getLong("version"))));
                        }
                    }
                    return outbox.record(conn, events).replaceWith(events.size());
                });
    }
}
