package com.instainstru.catalog.instructor;

import com.instainstru.catalog.offering.OfferingResponse;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Cursors;
import com.instainstru.platform.web.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Instructor pages and lists: two statements per answer (the instructors, then all their offerings). */
@ApplicationScoped
class InstructorQueries {

    /** The kinds of cursor of the two orders (a cursor of one is refused by the other). */
    private static final String ACTIVE = "instructors";
    private static final String BY_NAME = "instructors-by-name";

    @Inject
    Pool pool;

    /** One instructor; {@code full} also shows a non-active account and paused offerings (self or admin). */
    Uni<Optional<InstructorResponse>> instructor(UUID id, boolean full) {
        return pool.preparedQuery("SELECT * FROM instructor WHERE id = $1 AND ($2 OR status = 'active')")
                .execute(Tuple.of(id, full))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.empty());
                    }
                    Row row = rows.iterator().next();
                    return offerings(List.of(id), null, !full)
                            .map(offerings -> Optional.of(instructor(row, offerings.getOrDefault(id, List.of()))));
                });
    }

    /** Whether a catalog service exists (by id or slug) and its id. */
    Uni<Optional<UUID>> serviceId(String idOrSlug) {
        UUID id = Ids.looksLikeUuid(idOrSlug) ? UUID.fromString(idOrSlug) : null;
        return pool.preparedQuery("SELECT id FROM catalog_service WHERE (id = $1 OR slug = $2) AND active")
                .execute(Tuple.of(id, idOrSlug))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
    }

    /** Active instructors (offering {@code serviceId} when given), most experienced first, one page after {@code after}. */
    Uni<InstructorResponse.Page> activeInstructors(UUID serviceId, String after, int limit) {
        ActiveKey key = ActiveKey.parse(after);
        return pool.preparedQuery("""
                        WITH matches AS (
                            SELECT i.* FROM instructor i
                            WHERE i.status = 'active'
                              AND ($1::uuid IS NULL OR EXISTS (
                                    SELECT 1 FROM instructor_service o
                                    WHERE o.instructor_id = i.id AND o.catalog_service_id = $1 AND o.active)))
                        SELECT t.total, m.*
                        FROM (SELECT count(*) AS total FROM matches) t
                        LEFT JOIN LATERAL (SELECT * FROM matches
                                           WHERE $3::int IS NULL OR years_experience < $3
                                              OR (years_experience = $3 AND (name, id) > ($4::text, $5::uuid))
                                           ORDER BY years_experience DESC, name, id LIMIT $2) m ON true
                        """)
                .execute(Tuple.tuple(Arrays.asList(serviceId, limit + 1, key == null ? null : key.years(),
                        key == null ? null : key.name(), key == null ? null : key.id())))
                .flatMap(rows -> page(rows, serviceId, true, limit,
                        last -> Cursors.encode(ACTIVE, String.valueOf(last.getInteger("years_experience")),
                                last.getString("name"), last.getUUID("id").toString())));
    }

    /** Where a page of active instructors continues: after this (years of experience, name, id). */
    private record ActiveKey(Integer years, String name, UUID id) {

        static ActiveKey parse(String cursor) {
            List<String> parts = Cursors.decode(ACTIVE, 3, cursor);
            if (parts == null) {
                return null;
            }
            try {
                return new ActiveKey(Integer.valueOf(parts.get(0)), parts.get(1), UUID.fromString(parts.get(2)));
            } catch (IllegalArgumentException e) {
                throw Cursors.invalid();
            }
        }
    }

    /**
     * A page from rows of (total, instructor or nulls), at most {@code limit + 1} instructors (one more
     * than the page: then there is a next page, which continues after the page's last).
     */
    private Uni<InstructorResponse.Page> page(io.vertx.mutiny.sqlclient.RowSet<Row> rows, UUID serviceId,
            boolean activeOfferingsOnly, int limit, Function<Row, String> cursorAfter) {
        long total = rows.iterator().next().getLong("total");
        List<Row> found = new ArrayList<>();
        rows.forEach(r -> {
            if (r.getUUID("id") != null) {
                found.add(r);
            }
        });
        String next = found.size() > limit ? cursorAfter.apply(found.get(limit - 1)) : null;
        List<Row> shown = found.subList(0, Math.min(limit, found.size()));
        List<UUID> ids = shown.stream().map(r -> r.getUUID("id")).toList();
        return offerings(ids, serviceId, activeOfferingsOnly).map(offerings -> new InstructorResponse.Page(
                shown.stream().map(r -> instructor(r, offerings.getOrDefault(r.getUUID("id"), List.of())))
                        .toList(), next, total));
    }

    /** An admin's lookup: a part of the name and/or ids (either matches), and a status (null: any). */
    record Lookup(String name, List<UUID> ids, AccountStatus status) {

        static final int MAX_IDS = 100;

        static Lookup of(String q, String ids, String status) {
            String name = q == null || q.isBlank() ? null : q.strip();
            if (name != null && name.length() > 100) {
                throw ApiException.invalid("q", "must be at most 100 characters");
            }
            List<UUID> idList = ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(","))
                    .map(String::strip).filter(id -> !id.isEmpty()).distinct()
                    .map(id -> Ids.parse("ids", id)).toList();
            if (idList.size() > MAX_IDS) {
                throw ApiException.invalid("ids", "at most " + MAX_IDS + " ids");
            }
            AccountStatus wanted = null;
            if (status != null && !status.isBlank() && !status.strip().equals("any")) {
                try {
                    wanted = AccountStatus.valueOf(status.strip());
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid("status",
                            "must be active, suspended, deactivated or any");
                }
            }
            return new Lookup(name, idList, wanted);
        }
    }

    /** Instructors of any status by name part or id (admins), by name, with every offering; one page after {@code after}. */
    Uni<InstructorResponse.Page> lookUp(Lookup lookup, String after, int limit) {
        List<String> key = Cursors.decode(BY_NAME, 2, after);
        UUID afterId = key == null ? null : uuid(key.get(1));
        // A name part is matched literally: LIKE's wildcards in it are escaped.
        String pattern = lookup.name() == null ? null
                : "%" + lookup.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return pool.preparedQuery("""
                        WITH matches AS (
                            SELECT i.* FROM instructor i
                            WHERE ($3::text IS NULL OR i.status = $3)
                              AND (($1::text IS NULL AND cardinality($2::uuid[]) = 0)
                                   OR i.name ILIKE $1 OR i.id = ANY($2)))
                        SELECT t.total, m.*
                        FROM (SELECT count(*) AS total FROM matches) t
                        LEFT JOIN LATERAL (SELECT * FROM matches
                                           WHERE $5::uuid IS NULL OR (name, id) > ($6::text, $5::uuid)
                                           ORDER BY name, id LIMIT $4) m ON true
                        """)
                .execute(Tuple.tuple(Arrays.asList(pattern, lookup.ids().toArray(UUID[]::new),
                        lookup.status() == null ? null : lookup.status().name(), limit + 1, afterId,
                        key == null ? null : key.get(0))))
                .flatMap(rows -> page(rows, null, false, limit,
                        last -> Cursors.encode(BY_NAME, last.getString("name"), last.getUUID("id").toString())));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Cursors.invalid();
        }
    }

    private Uni<Map<UUID, List<OfferingResponse>>> offerings(List<UUID> instructorIds, UUID serviceId, boolean activeOnly) {
        if (instructorIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                        SELECT o.*, s.slug AS service_slug, s.name AS service_name, c.slug AS category_slug
                        FROM instructor_service o
                        JOIN catalog_service s ON s.id = o.catalog_service_id
                        JOIN category c ON c.id = s.category_id
                        WHERE o.instructor_id = ANY($1) AND ($2::uuid IS NULL OR o.catalog_service_id = $2)
                          AND (NOT $3 OR o.active)
                        ORDER BY c.display_order, s.display_order
                        """)
                .execute(Tuple.of(instructorIds.toArray(UUID[]::new), serviceId, activeOnly))
                .map(rows -> {
                    Map<UUID, List<OfferingResponse>> byInstructor = new HashMap<>();
                    for (Row r : rows) {
                        byInstructor.computeIfAbsent(r.getUUID("instructor_id"), k -> new ArrayList<>()).add(offering(r));
                    }
                    return byInstructor;
                });
    }

    private static OfferingResponse offering(Row r) {
        return new OfferingResponse(r.getUUID("id"), r.getUUID("instructor_id"), r.getUUID("catalog_service_id"),
                r.getString("service_slug"), r.getString("service_name"), r.getString("category_slug"),
                r.getBigDecimal("hourly_rate"), Arrays.asList(r.getArrayOfIntegers("duration_options")),
                Arrays.asList(r.getArrayOfStrings("levels")), Arrays.asList(r.getArrayOfStrings("age_groups")),
                Arrays.asList(r.getArrayOfStrings("location_types")), r.getString("description"), r.getBoolean("active"),
                r.getLong("version"));
    }

    private static InstructorResponse instructor(Row r, List<OfferingResponse> offerings) {
        return new InstructorResponse(r.getUUID("id"), r.getString("name"), r.getString("bio"),
                r.getInteger("years_experience"), r.getString("time_zone"), Arrays.asList(r.getArrayOfStrings("areas")),
                r.getBoolean("teaches_online"), r.getBoolean("teaches_at_studio"), r.getBoolean("travels_to_student"),
                AccountStatus.valueOf(r.getString("status")), offerings, r.getLong("version"));
    }
}
