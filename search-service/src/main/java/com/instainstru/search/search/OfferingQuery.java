package com.instainstru.search.search;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds the one SQL statement that selects, ranks and pages the offerings meeting every filter.
 * Only the constraints the query gave become predicates (so each shape of query gets its own
 * prepared plan); values are always bound parameters, never spliced into the text.
 * Score: 0.6 × relevance of the service + 0.25 × its popularity (analytics) + 0.15 × how soon the
 * instructor is free (1 now, ½ in a day, ⅓ in two…).
 */
final class OfferingQuery {

    static final double RELEVANCE_WEIGHT = 0.6;
    static final double POPULARITY_WEIGHT = 0.25;
    static final double SOON_WEIGHT = 0.15;
    /** Relevance of every offering when the query named no service (a price-only query). */
    static final double ALL_RELEVANCE = 0.5;

    private OfferingQuery() {
    }

    record Sql(String text, Tuple params) {
    }

    static Sql build(Filters f, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        StringBuilder from = new StringBuilder(" FROM offering o");
        String relevance;
        if (f.services() != null) {
            from.append(" JOIN unnest(").append(bind(params, f.services().keySet().toArray(new UUID[0])))
                    .append("::uuid[], ").append(bind(params, f.services().values().toArray(new Double[0])))
                    .append("::float8[]) AS m(service_id, relevance) ON m.service_id = o.service_id");
            relevance = "m.relevance";
        } else {
            relevance = Double.toString(ALL_RELEVANCE);
        }
        from.append(" JOIN catalog_service s ON s.id = o.service_id AND s.active")
                .append(" JOIN instructor i ON i.id = o.instructor_id AND i.status = 'active'");
        String slot;
        List<String> where = new ArrayList<>(List.of("o.active"));
        if (f.time() != null) {
            // The instructor's free time (one multirange) within the asked time, long enough for the lesson.
            String minutes = f.durationMinutes() != null ? bind(params, f.durationMinutes()) : "o.min_duration";
            String asked = bind(params, f.time().multirange()) + "::tstzmultirange";
            from.append(" CROSS JOIN LATERAL (SELECT min(greatest(lower(r), now())) AS slot FROM unnest(i.free * ")
                    .append(asked).append(") r WHERE upper(r) - greatest(lower(r), now()) >= make_interval(mins => ")
                    .append(minutes).append(")) f");
            slot = "f.slot";
            where.add("i.free && " + asked);
            where.add("f.slot IS NOT NULL");
        } else {
            slot = "greatest(i.next_free, now())";
        }
        if (f.minPrice() != null) {
            where.add("o.hourly_rate >= " + bind(params, f.minPrice()));
        }
        if (f.maxPrice() != null) {
            where.add("o.hourly_rate <= " + bind(params, f.maxPrice()));
        }
        if (f.durationMinutes() != null) {
            where.add(bind(params, f.durationMinutes()) + " = ANY(o.durations)");
        }
        if (f.level() != null) {
            where.add(bind(params, f.level()) + " = ANY(o.levels)");
        }
        if (f.ageGroup() != null) {
            where.add(bind(params, f.ageGroup()) + " = ANY(o.age_groups)");
        }
        if (f.area() != null && !f.area().equals(f.borough())) {
            // A neighbourhood: instructors who name it, or who cover its whole borough; in person.
            where.add("(" + bind(params, f.area()) + " = ANY(i.areas) OR " + bind(params, f.borough())
                    + " = ANY(i.areas)) AND o.location_types && '{studio,student_home}'");
        } else if (f.borough() != null) {
            where.add(bind(params, f.borough()) + " = ANY(i.boroughs) AND o.location_types && '{studio,student_home}'");
        }
        if (f.online() != null) {
            where.add(f.online() ? "'online' = ANY(o.location_types) AND i.teaches_online"
                    : "o.location_types && '{studio,student_home}'");
        }
        // Double precision throughout: numeric arithmetic over thousands of rows costs as much as the joins.
        String soon = "coalesce(1.0::float8 / (1 + extract(epoch FROM (" + slot + " - now()))::float8 / 86400.0), 0)";
        String sql = "SELECT o.instructor_id, i.name AS instructor_name, o.service_id, s.name AS service_name,"
                + " s.category_name, o.hourly_rate, o.durations, i.area_names, 'online' = ANY(o.location_types) AS online,"
                + " " + slot + " AS next_available,"
                + " (" + RELEVANCE_WEIGHT + " * " + relevance + " + " + POPULARITY_WEIGHT + " * s.popularity + "
                + SOON_WEIGHT + " * " + soon + ") AS score,"
                + " count(*) OVER () AS total"
                + from + " WHERE " + String.join(" AND ", where)
                + " ORDER BY score DESC, o.hourly_rate, o.id"
                + " LIMIT " + bind(params, limit) + " OFFSET " + bind(params, offset);
        return new Sql(sql, Tuple.from(params));
    }

    private static String bind(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }
}
