package com.instainstru.search.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.search.embedding.EmbeddingService;
import com.instainstru.search.query.NycAreas;
import com.instainstru.search.retrieval.CatalogEntry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes the catalog's part of the read model: services, instructors, offerings and popularity, as the
 * events (or the rebuild and the reconciliation) describe them. Every write is idempotent and
 * order-independent: a row takes a change only from a version at least as new as its own (the
 * producer's per-aggregate sequence), and a removed offering stays removed. Free time is
 * {@link FreeTimeStore}'s.
 */
@ApplicationScoped
public class ReadModelStore {

    private final NycAreas areas = NycAreas.load();

    @Inject
    EmbeddingService embeddings;

    @Inject
    FreeTimeStore freeTime;

    // ---- catalog ----

    /** A catalog service, embedded from its name, category and search terms (off the event loop). */
    public Uni<Void> upsertService(SqlClient sql, ServiceRow s) {
        CatalogEntry entry = new CatalogEntry(s.id(), s.slug(), s.name(), s.categorySlug(), s.categoryName(),
                s.searchTerms());
        return Uni.createFrom().item(() -> EmbeddingService.literal(embeddings.embedUncached(entry.embeddingText())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(vector -> sql.preparedQuery("""
                        INSERT INTO category (slug, name) VALUES ($1, $2)
                        ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name""")
                        .execute(Tuple.of(s.categorySlug(), s.categoryName()))
                        .flatMap(ok -> sql.preparedQuery("""
                                INSERT INTO catalog_service (id, slug, name, category_slug, category_name, search_terms,
                                                             online_capable, active, embedding, version)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::vector, $10)
                                ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name,
                                    category_slug = EXCLUDED.category_slug, category_name = EXCLUDED.category_name,
                                    search_terms = EXCLUDED.search_terms, online_capable = EXCLUDED.online_capable,
                                    active = EXCLUDED.active, embedding = EXCLUDED.embedding, version = EXCLUDED.version
                                WHERE catalog_service.version <= EXCLUDED.version""")
                                .execute(Tuple.from(List.of(s.id(), s.slug(), s.name(), s.categorySlug(),
                                        s.categoryName(), s.searchTerms().toArray(new String[0]), s.onlineCapable(),
                                        s.active(), vector, s.version())))))
                .replaceWithVoid();
    }

    public record ServiceRow(UUID id, String slug, String name, String categorySlug, String categoryName,
            List<String> searchTerms, boolean onlineCapable, boolean active, long version) {
    }

    public record InstructorRow(UUID id, String name, String timeZone, List<String> areas, boolean teachesOnline,
            String status, long version) {
    }

    public record OfferingRow(UUID id, UUID instructorId, UUID serviceId, BigDecimal hourlyRate, List<Integer> durations,
            List<String> levels, List<String> ageGroups, List<String> locationTypes, boolean active, long version) {
    }

    /**
     * The profile from a version at least as new as the row's profile, the status likewise (a status that
     * came alone, in instructor.status-changed, may be newer than this profile).
     */
    public Uni<Void> upsertInstructor(SqlClient sql, InstructorRow i) {
        List<String> keys = new ArrayList<>();
        TreeSet<String> boroughs = new TreeSet<>();
        for (String area : i.areas()) {
            areas.find(area).ifPresent(a -> {
                keys.add(a.name());
                boroughs.add(a.borough());
            });
        }
        String zone = validZone(i.timeZone());
        return sql.preparedQuery("""
                        INSERT INTO instructor AS i (id, name, time_zone, areas, boroughs, area_names, teaches_online,
                                                     status, profile_version, status_version)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
                        ON CONFLICT (id) DO UPDATE SET
                            name = CASE WHEN i.profile_version <= EXCLUDED.profile_version THEN EXCLUDED.name ELSE i.name END,
                            time_zone = CASE WHEN i.profile_version <= EXCLUDED.profile_version
                                             THEN EXCLUDED.time_zone ELSE i.time_zone END,
                            areas = CASE WHEN i.profile_version <= EXCLUDED.profile_version THEN EXCLUDED.areas ELSE i.areas END,
                            boroughs = CASE WHEN i.profile_version <= EXCLUDED.profile_version
                                            THEN EXCLUDED.boroughs ELSE i.boroughs END,
                            area_names = CASE WHEN i.profile_version <= EXCLUDED.profile_version
                                              THEN EXCLUDED.area_names ELSE i.area_names END,
                            teaches_online = CASE WHEN i.profile_version <= EXCLUDED.profile_version
                                                  THEN EXCLUDED.teaches_online ELSE i.teaches_online END,
                            profile_version = greatest(i.profile_version, EXCLUDED.profile_version),
                            status = CASE WHEN i.status_version <= EXCLUDED.status_version THEN EXCLUDED.status ELSE i.status END,
                            status_version = greatest(i.status_version, EXCLUDED.status_version)
                        WHERE i.profile_version <= EXCLUDED.profile_version OR i.status_version <= EXCLUDED.status_version
                        RETURNING xmax = 0 AS inserted""")
                .execute(Tuple.from(List.of(i.id(), i.name(), zone, keys.toArray(new String[0]),
                        boroughs.toArray(new String[0]), i.areas().toArray(new String[0]), i.teachesOnline(),
                        i.status().toLowerCase(Locale.ROOT), i.version())))
                .flatMap(rows -> inserted(rows) ? freeTime.collect(sql, i.id()) : Uni.createFrom().voidItem());
    }

    /** instructor.status-changed; an instructor not known yet is kept with the status alone (never shown). */
    public Uni<Void> changeStatus(SqlClient sql, UUID instructorId, String status, long version) {
        return sql.preparedQuery("""
                        INSERT INTO instructor AS i (id, name, status, status_version, profile_version)
                        VALUES ($1, '', $2, $3, -1)
                        ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, status_version = EXCLUDED.status_version
                        WHERE i.status_version <= EXCLUDED.status_version
                        RETURNING xmax = 0 AS inserted""")
                .execute(Tuple.of(instructorId, status.toLowerCase(Locale.ROOT), version))
                .flatMap(rows -> inserted(rows) ? freeTime.collect(sql, instructorId) : Uni.createFrom().voidItem());
    }

    private static boolean inserted(io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        // A new instructor's free time may have arrived first (booking-events is read beside catalog-events).
        return rows.size() == 1 && rows.iterator().next().getBoolean("inserted");
    }

    public Uni<Void> upsertOffering(SqlClient sql, OfferingRow o) {
        int shortest = o.durations().stream().mapToInt(Integer::intValue).min().orElse(60);
        return sql.preparedQuery("""
                        INSERT INTO offering (id, instructor_id, service_id, hourly_rate, durations, min_duration, levels,
                                              age_groups, location_types, active, version)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        ON CONFLICT (id) DO UPDATE SET instructor_id = EXCLUDED.instructor_id,
                            service_id = EXCLUDED.service_id, hourly_rate = EXCLUDED.hourly_rate,
                            durations = EXCLUDED.durations, min_duration = EXCLUDED.min_duration,
                            levels = EXCLUDED.levels, age_groups = EXCLUDED.age_groups,
                            location_types = EXCLUDED.location_types, active = EXCLUDED.active, version = EXCLUDED.version
                        WHERE NOT offering.removed AND offering.version <= EXCLUDED.version""")
                .execute(Tuple.from(List.of(o.id(), o.instructorId(), o.serviceId(), o.hourlyRate(),
                        o.durations().toArray(new Integer[0]), shortest, lower(o.levels()), lower(o.ageGroups()),
                        lower(o.locationTypes()), o.active(), o.version())))
                .replaceWithVoid();
    }

    /**
     * offering.removed: final (offering ids are never reused), so the row stays as a tombstone — the same
     * tombstone whether or not any of the offering's upserts came first.
     */
    public Uni<Void> removeOffering(SqlClient sql, UUID offeringId, UUID instructorId, UUID serviceId) {
        return sql.preparedQuery("""
                        INSERT INTO offering (id, instructor_id, service_id, hourly_rate, durations, min_duration, active,
                                              removed, version)
                        VALUES ($1, $2, $3, 0, '{}', 0, false, true, 0)
                        ON CONFLICT (id) DO UPDATE SET instructor_id = EXCLUDED.instructor_id,
                            service_id = EXCLUDED.service_id, hourly_rate = 0, durations = '{}', min_duration = 0,
                            levels = '{}', age_groups = '{}', location_types = '{}', active = false, removed = true,
                            version = 0
                        WHERE NOT offering.removed""")
                .execute(Tuple.of(offeringId, instructorId, serviceId)).replaceWithVoid();
    }

    // ---- analytics ----

    public Uni<Void> updatePopularity(SqlClient sql, List<Popularity> services, OffsetDateTime asOf) {
        if (services.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = services.stream().map(p -> Tuple.of(p.serviceId(), clamp(p.popularity()), p.demandScore(),
                p.trending(), asOf)).toList();
        return sql.preparedQuery("""
                        UPDATE catalog_service SET popularity = $2, demand_score = $3, trending = $4, analytics_as_of = $5
                        WHERE id = $1 AND ($5::timestamptz IS NULL OR analytics_as_of IS NULL OR analytics_as_of <= $5)""")
                .executeBatch(rows).replaceWithVoid();
    }

    public record Popularity(UUID serviceId, double popularity, Double demandScore, boolean trending) {
    }

    // ---- helpers ----

    static String validZone(String zone) {
        try {
            return zone == null ? "America/New_York" : ZoneId.of(zone).getId();
        } catch (RuntimeException e) {
            return "America/New_York";
        }
    }

    private static String[] lower(Collection<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** Reads a JSON array of strings (absent → empty). */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
