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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes the read model: the catalog's services, instructors and offerings, free time and
 * popularity, as the events (or the rebuild) describe them. Every write is an idempotent upsert
 * or delete; a change older than the row ({@code as_of}) does not overwrite a newer one.
 */
@ApplicationScoped
public class ReadModelStore {

    private final NycAreas areas = NycAreas.load();

    @Inject
    EmbeddingService embeddings;

    // ---- catalog ----

    /** A catalog service, embedded from its name, category and search terms (off the event loop). */
    public Uni<Void> upsertService(SqlClient sql, ServiceRow s, OffsetDateTime asOf) {
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
                                                             online_capable, active, embedding, as_of)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::vector, $10)
                                ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name,
                                    category_slug = EXCLUDED.category_slug, category_name = EXCLUDED.category_name,
                                    search_terms = EXCLUDED.search_terms, online_capable = EXCLUDED.online_capable,
                                    active = EXCLUDED.active, embedding = EXCLUDED.embedding, as_of = EXCLUDED.as_of
                                WHERE catalog_service.as_of IS NULL OR EXCLUDED.as_of IS NULL
                                   OR catalog_service.as_of <= EXCLUDED.as_of""")
                                .execute(Tuple.from(List.of(s.id(), s.slug(), s.name(), s.categorySlug(),
                                        s.categoryName(), s.searchTerms().toArray(new String[0]), s.onlineCapable(),
                                        s.active(), vector)).addOffsetDateTime(asOf))))
                .replaceWithVoid();
    }

    public record ServiceRow(UUID id, String slug, String name, String categorySlug, String categoryName,
            List<String> searchTerms, boolean onlineCapable, boolean active) {
    }

    public record InstructorRow(UUID id, String name, String timeZone, List<String> areas, boolean teachesOnline,
            String status) {
    }

    public record OfferingRow(UUID id, UUID instructorId, UUID serviceId, BigDecimal hourlyRate, List<Integer> durations,
            List<String> levels, List<String> ageGroups, List<String> locationTypes, boolean active) {
    }

    public Uni<Void> upsertInstructor(SqlClient sql, InstructorRow i, OffsetDateTime asOf) {
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
                        INSERT INTO instructor (id, name, time_zone, areas, boroughs, area_names, teaches_online, status, as_of)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone,
                            areas = EXCLUDED.areas, boroughs = EXCLUDED.boroughs, area_names = EXCLUDED.area_names,
                            teaches_online = EXCLUDED.teaches_online, status = EXCLUDED.status, as_of = EXCLUDED.as_of
                        WHERE instructor.as_of IS NULL OR EXCLUDED.as_of IS NULL OR instructor.as_of <= EXCLUDED.as_of
                        RETURNING xmax = 0 AS inserted""")
                .execute(Tuple.from(List.of(i.id(), i.name(), zone, keys.toArray(new String[0]),
                        boroughs.toArray(new String[0]), i.areas().toArray(new String[0]), i.teachesOnline(),
                        i.status().toLowerCase(Locale.ROOT))).addOffsetDateTime(asOf))
                // A new instructor's free time may have arrived first (booking-events is read beside catalog-events).
                .flatMap(rows -> rows.size() == 1 && rows.iterator().next().getBoolean("inserted")
                        ? collectFree(sql, i.id()) : Uni.createFrom().voidItem());
    }

    public Uni<Void> changeStatus(SqlClient sql, UUID instructorId, String status, OffsetDateTime asOf) {
        return sql.preparedQuery("""
                        UPDATE instructor SET status = $2, as_of = $3
                        WHERE id = $1 AND ($3::timestamptz IS NULL OR as_of IS NULL OR as_of <= $3)""")
                .execute(Tuple.of(instructorId, status.toLowerCase(Locale.ROOT), asOf)).replaceWithVoid();
    }

    public Uni<Void> upsertOffering(SqlClient sql, OfferingRow o, OffsetDateTime asOf) {
        int shortest = o.durations().stream().mapToInt(Integer::intValue).min().orElse(60);
        return sql.preparedQuery("""
                        INSERT INTO offering (id, instructor_id, service_id, hourly_rate, durations, min_duration, levels,
                                              age_groups, location_types, active, as_of)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        ON CONFLICT (id) DO UPDATE SET instructor_id = EXCLUDED.instructor_id,
                            service_id = EXCLUDED.service_id, hourly_rate = EXCLUDED.hourly_rate,
                            durations = EXCLUDED.durations, min_duration = EXCLUDED.min_duration,
                            levels = EXCLUDED.levels, age_groups = EXCLUDED.age_groups,
                            location_types = EXCLUDED.location_types, active = EXCLUDED.active, as_of = EXCLUDED.as_of
                        WHERE offering.as_of IS NULL OR EXCLUDED.as_of IS NULL OR offering.as_of <= EXCLUDED.as_of""")
                .execute(Tuple.from(List.of(o.id(), o.instructorId(), o.serviceId(), o.hourlyRate(),
                        o.durations().toArray(new Integer[0]), shortest, lower(o.levels()), lower(o.ageGroups()),
                        lower(o.locationTypes()), o.active())).addOffsetDateTime(asOf))
                .replaceWithVoid();
    }

    public Uni<Void> removeOffering(SqlClient sql, UUID offeringId) {
        return sql.preparedQuery("DELETE FROM offering WHERE id = $1").execute(Tuple.of(offeringId)).replaceWithVoid();
    }

    // ---- free time ----

    /** Replaces the windows of the given dates (the full windows of each; none on a blackout). */
    public Uni<Void> replaceWindows(SqlClient sql, UUID instructorId, ZoneId zone, List<DayWindows> days) {
        if (days.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = days.stream().map(d -> Tuple.of(instructorId, d.date(), multirange(zone, d))).toList();
        LocalDate from = days.stream().map(DayWindows::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = days.stream().map(DayWindows::date).max(LocalDate::compareTo).orElseThrow();
        return sql.preparedQuery("""
                        INSERT INTO availability (instructor_id, day, windows, free) VALUES ($1, $2, $3::tstzmultirange, '{}')
                        ON CONFLICT (instructor_id, day) DO UPDATE SET windows = EXCLUDED.windows""")
                .executeBatch(rows)
                .flatMap(ok -> refresh(sql, instructorId, from, to));
    }

    /** A date's windows in the instructor's local time ({@code HH:MM}, the end may be {@code 24:00}). */
    public record DayWindows(LocalDate date, List<String[]> windows) {
    }

    public Uni<Void> addBooking(SqlClient sql, UUID bookingId, UUID instructorId, OffsetDateTime start,
            OffsetDateTime end) {
        return sql.preparedQuery("""
                        INSERT INTO booked (booking_id, instructor_id, during) VALUES ($1, $2, tstzrange($3, $4))
                        ON CONFLICT (booking_id) DO NOTHING""")
                .execute(Tuple.of(bookingId, instructorId, start, end))
                .flatMap(ok -> refresh(sql, instructorId, start.toLocalDate().minusDays(1), end.toLocalDate().plusDays(1)));
    }

    /** Frees a booked lesson's time; its instructor's free time is recomputed. */
    public Uni<Void> removeBooking(SqlClient sql, UUID bookingId) {
        return sql.preparedQuery("DELETE FROM booked WHERE booking_id = $1 RETURNING instructor_id, lower(during) AS s, "
                        + "upper(during) AS e").execute(Tuple.of(bookingId))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    var row = rows.iterator().next();
                    return refresh(sql, row.getUUID("instructor_id"),
                            row.getOffsetDateTime("s").toLocalDate().minusDays(1),
                            row.getOffsetDateTime("e").toLocalDate().plusDays(1));
                });
    }

    private Uni<Void> refresh(SqlClient sql, UUID instructorId, LocalDate from, LocalDate to) {
        return sql.preparedQuery("SELECT refresh_free($1, $2, $3)").execute(Tuple.of(instructorId, from, to))
                .flatMap(ok -> collectFree(sql, instructorId));
    }

    /** Gathers an instructor's free dates into the one multirange on their row. */
    private Uni<Void> collectFree(SqlClient sql, UUID instructorId) {
        return sql.preparedQuery("""
                        UPDATE instructor i SET free = f.free
                        FROM (SELECT coalesce(range_agg(a.free), '{}') AS free FROM availability a
                              WHERE a.instructor_id = $1 AND a.day >= current_date - 1) f
                        WHERE i.id = $1""")
                .execute(Tuple.of(instructorId)).replaceWithVoid();
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

    static String multirange(ZoneId zone, DayWindows day) {
        List<String> ranges = new ArrayList<>();
        for (String[] w : day.windows()) {
            OffsetDateTime start = at(day.date(), w[0], zone);
            OffsetDateTime end = at(day.date(), w[1], zone);
            if (end.isAfter(start)) {
                ranges.add("[\"" + start + "\",\"" + end + "\")");
            }
        }
        return "{" + String.join(",", ranges) + "}";
    }

    private static OffsetDateTime at(LocalDate date, String hhmm, ZoneId zone) {
        if ("24:00".equals(hhmm)) {
            return date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        }
        return date.atTime(LocalTime.parse(hhmm)).atZone(zone).toOffsetDateTime();
    }

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
