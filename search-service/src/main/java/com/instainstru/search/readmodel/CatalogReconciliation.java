package com.instainstru.search.readmodel;

import static com.instainstru.platform.sql.TransientConflicts.retried;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.search.readmodel.ReadModelStore.InstructorRow;
import com.instainstru.search.readmodel.ReadModelStore.OfferingRow;
import com.instainstru.search.readmodel.ReadModelStore.ServiceRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Compares the catalog part of the read model with catalog-service (services, instructors, their
 * offerings, account status) and repairs what differs. A repair is an ordinary versioned write: an
 * event applied after catalog answered (a newer version) is not undone, and rows written after the run
 * began are not taken away for being missing from an answer read before them.
 */
@ApplicationScoped
class CatalogReconciliation {

    static final int PAGE = 100;

    @RestClient
    CatalogApi catalog;

    @Inject
    Pool pool;

    @Inject
    ReadModelStore store;

    // ---- services ----

    /** Categories and services: the bookable ones as catalog lists them, any other active one asked by id. */
    Uni<Void> services(ReconcileReport.Tally t) {
        return catalog.categories()
                .flatMap(categories -> retried(pool.withTransaction(conn -> Multi.createFrom().iterable(categories)
                        .onItem().transformToUniAndConcatenate(c -> conn.preparedQuery("""
                                INSERT INTO category (slug, name) VALUES ($1, $2)
                                ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name WHERE category.name <> EXCLUDED.name""")
                                .execute(Tuple.of(c.path("slug").asText(), c.path("name").asText())))
                        .collect().last())))
                .chain(() -> catalog.all())
                .flatMap(all -> heldServices().flatMap(held -> {
                    List<ServiceRow> listed = new ArrayList<>();
                    for (JsonNode category : all.path("categories")) {
                        for (JsonNode s : category.path("services")) {
                            listed.add(service(s, category.path("slug").asText(), category.path("name").asText()));
                        }
                    }
                    Set<UUID> seen = new HashSet<>();
                    listed.forEach(s -> seen.add(s.id()));
                    List<UUID> unlisted = held.values().stream().filter(s -> s.active() && !seen.contains(s.id()))
                            .map(ServiceRow::id).toList();
                    return Multi.createFrom().iterable(listed).onItem()
                            .transformToUniAndConcatenate(s -> repairService(s, held.get(s.id()), t)).collect().last()
                            .chain(() -> Multi.createFrom().iterable(unlisted).onItem()
                                    .transformToUniAndConcatenate(id -> unlistedService(id, held.get(id), t))
                                    .collect().last());
                }))
                .replaceWithVoid();
    }

    private Uni<Void> unlistedService(UUID id, ServiceRow held, ReconcileReport.Tally t) {
        return catalog.service(id)
                .flatMap(s -> repairService(service(s, s.path("categorySlug").asText(), s.path("categoryName").asText()),
                        held, t))
                .onFailure(CatalogReconciliation::notFound).recoverWithUni(() -> {
                    t.services.incrementAndGet();
                    t.servicesRepaired.incrementAndGet();
                    return pool.preparedQuery("UPDATE catalog_service SET active = false WHERE id = $1")
                            .execute(Tuple.of(id)).replaceWithVoid();
                });
    }

    private Uni<Void> repairService(ServiceRow source, ServiceRow held, ReconcileReport.Tally t) {
        t.services.incrementAndGet();
        if (held != null && same(source, held)) {
            return Uni.createFrom().voidItem();
        }
        t.servicesRepaired.incrementAndGet();
        return retried(pool.withTransaction(conn -> store.upsertService(conn, source)));
    }

    private Uni<Map<UUID, ServiceRow>> heldServices() {
        return pool.query("""
                        SELECT id, slug, name, category_slug, category_name, search_terms, online_capable, active, version
                        FROM catalog_service""").execute()
                .map(rows -> {
                    Map<UUID, ServiceRow> held = new HashMap<>();
                    for (Row r : rows) {
                        held.put(r.getUUID("id"), new ServiceRow(r.getUUID("id"), r.getString("slug"), r.getString("name"),
                                r.getString("category_slug"), r.getString("category_name"),
                                List.of(r.getArrayOfStrings("search_terms")), r.getBoolean("online_capable"),
                                r.getBoolean("active"), r.getLong("version")));
                    }
                    return held;
                });
    }

    private static ServiceRow service(JsonNode s, String categorySlug, String categoryName) {
        return new ServiceRow(UUID.fromString(s.path("id").asText()), s.path("slug").asText(), s.path("name").asText(),
                categorySlug, categoryName, ReadModelStore.strings(s.path("searchTerms")),
                s.path("onlineCapable").asBoolean(false), s.path("active").asBoolean(true), s.path("version").asLong(0));
    }

    private static boolean same(ServiceRow a, ServiceRow b) {
        return a.slug().equals(b.slug()) && a.name().equals(b.name()) && a.categorySlug().equals(b.categorySlug())
                && a.categoryName().equals(b.categoryName()) && a.searchTerms().equals(b.searchTerms())
                && a.onlineCapable() == b.onlineCapable() && a.active() == b.active();
    }

    // ---- instructors and offerings ----

    /**
     * Every active instructor with their offerings, page by page (following nextCursor); then each
     * instructor search shows as active that the pages did not list is asked for by id (one whose
     * experience changed while the pages were read may be listed twice or not at all).
     * Returns the ids of the active instructors.
     */
    Uni<List<UUID>> instructors(ReconcileReport.Tally t, OffsetDateTime since) {
        return page(null, t, since, new ArrayList<>())
                .flatMap(listed -> unlisted(listed, since)
                        .flatMap(missing -> askEach(missing, t, since))
                        .map(confirmed -> join(listed, confirmed)));
    }

    /** Asks catalog for each instructor by id, one after the other: the ids of those still active. */
    private Uni<List<UUID>> askEach(List<UUID> ids, ReconcileReport.Tally t, OffsetDateTime since) {
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> ask(id, t, since))
                .collect().asList();
    }

    /** One instructor as catalog shows them, reconciled: their id; or deactivated when catalog has no such one: null. */
    private Uni<UUID> ask(UUID id, ReconcileReport.Tally t, OffsetDateTime since) {
        return catalog.instructor(id)
                .flatMap(instructor -> reconcile(List.of(instructor), t, since))
                .replaceWith(id)
                .onFailure(CatalogReconciliation::notFound).recoverWithUni(() -> deactivate(id, t, since));
    }

    private static List<UUID> join(List<UUID> listed, List<UUID> confirmed) {
        List<UUID> active = new ArrayList<>(listed);
        confirmed.stream().filter(Objects::nonNull).forEach(active::add);
        return active.stream().distinct().toList();
    }

    private Uni<List<UUID>> page(String cursor, ReconcileReport.Tally t, OffsetDateTime since, List<UUID> ids) {
        return catalog.instructors(cursor, PAGE).flatMap(body -> {
            List<JsonNode> items = new ArrayList<>();
            body.path("items").forEach(items::add);
            if (items.isEmpty()) {
                return Uni.createFrom().item(ids);
            }
            items.forEach(i -> ids.add(UUID.fromString(i.path("id").asText())));
            String next = body.path("nextCursor").isTextual() ? body.path("nextCursor").asText() : null;
            return reconcile(items, t, since).flatMap(ok -> next == null
                    ? Uni.createFrom().item(ids) : page(next, t, since, ids));
        });
    }

    /** Active, known instructors search holds that catalog did not list (and nothing has changed since the run began). */
    private Uni<List<UUID>> unlisted(List<UUID> listed, OffsetDateTime since) {
        return pool.preparedQuery("""
                        SELECT id FROM instructor WHERE status = 'active' AND profile_version >= 0 AND noted_at < $2
                           AND NOT (id = ANY($1))""")
                .execute(Tuple.of(listed.toArray(UUID[]::new), since))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id")));
                    return ids;
                });
    }

    /** Not active in catalog any more (suspended, deactivated or gone): no longer shown. */
    private Uni<UUID> deactivate(UUID id, ReconcileReport.Tally t, OffsetDateTime since) {
        t.instructors.incrementAndGet();
        return pool.preparedQuery("UPDATE instructor SET status = 'inactive' WHERE id = $1 AND noted_at < $2")
                .execute(Tuple.of(id, since))
                .invoke(rows -> t.instructorsRepaired.addAndGet(rows.rowCount()))
                .replaceWith((UUID) null);
    }

    /** One page of instructors (as catalog shows them) against the read model. */
    private Uni<Void> reconcile(List<JsonNode> items, ReconcileReport.Tally t, OffsetDateTime since) {
        UUID[] ids = items.stream().map(i -> UUID.fromString(i.path("id").asText())).toArray(UUID[]::new);
        // An event's transaction may hold some of these rows and wait on others: PostgreSQL then aborts one of
        // the two, and this page is written again (its comparison still holds: newer versions win either way).
        // The page counts into a tally of its own, added to the run's once it has committed.
        return held(ids).flatMap(held -> retried(Uni.createFrom().deferred(() -> {
            ReconcileReport.Tally page = new ReconcileReport.Tally();
            return pool.withTransaction(conn -> Multi.createFrom().iterable(items).onItem()
                    .transformToUniAndConcatenate(i -> reconcile(conn, i, held, page, since)).collect().last())
                    .invoke(() -> t.add(page));
        }))).replaceWithVoid();
    }

    private Uni<Void> reconcile(SqlClient conn, JsonNode i, Held held, ReconcileReport.Tally t, OffsetDateTime since) {
        UUID id = UUID.fromString(i.path("id").asText());
        InstructorRow source = new InstructorRow(id, i.path("name").asText(), i.path("timeZone").asText(null),
                ReadModelStore.strings(i.path("areas")), i.path("teachesOnline").asBoolean(false),
                i.path("status").asText("active"), i.path("version").asLong(0));
        t.instructors.incrementAndGet();
        InstructorRow mine = held.instructors().get(id);
        Uni<Void> instructor = Uni.createFrom().voidItem();
        if (mine == null || !same(source, mine)) {
            t.instructorsRepaired.incrementAndGet();
            instructor = store.upsertInstructor(conn, source);
        }
        Set<UUID> listed = new HashSet<>();
        List<OfferingRow> changed = new ArrayList<>();
        for (JsonNode o : i.path("offerings")) {
            OfferingRow offering = EventApplier.offering(o, id);
            listed.add(offering.id());
            t.offerings.incrementAndGet();
            OfferingRow had = held.offerings().get(offering.id());
            if (had == null || !same(offering, had)) {
                changed.add(offering);
            }
        }
        List<UUID> gone = held.offerings().values().stream()
                .filter(o -> o.instructorId().equals(id) && o.active() && !listed.contains(o.id())).map(OfferingRow::id)
                .toList();
        t.offeringsRepaired.addAndGet(changed.size());
        return instructor
                .chain(() -> Multi.createFrom().iterable(changed).onItem()
                        .transformToUniAndConcatenate(o -> store.upsertOffering(conn, o)).collect().last())
                .chain(() -> gone.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery(
                                "UPDATE offering SET active = false WHERE id = ANY($1) AND noted_at < $2")
                        .execute(Tuple.of(gone.toArray(UUID[]::new), since))
                        .invoke(rows -> t.offeringsRepaired.addAndGet(rows.rowCount())).replaceWithVoid());
    }

    private record Held(Map<UUID, InstructorRow> instructors, Map<UUID, OfferingRow> offerings) {
    }

    private Uni<Held> held(UUID[] ids) {
        Tuple param = Tuple.of((Object) ids);
        return pool.preparedQuery("""
                        SELECT id, name, time_zone, area_names, teaches_online, status, profile_version
                        FROM instructor WHERE id = ANY($1)""").execute(param)
                .flatMap(instructors -> pool.preparedQuery("""
                                SELECT id, instructor_id, service_id, hourly_rate, durations, levels, age_groups,
                                       location_types, active AND NOT removed AS active, version
                                FROM offering WHERE instructor_id = ANY($1)""").execute(param)
                        .map(offerings -> {
                            Map<UUID, InstructorRow> is = new HashMap<>();
                            for (Row r : instructors) {
                                is.put(r.getUUID("id"), new InstructorRow(r.getUUID("id"), r.getString("name"),
                                        r.getString("time_zone"), List.of(r.getArrayOfStrings("area_names")),
                                        r.getBoolean("teaches_online"), r.getString("status"), r.getLong("profile_version")));
                            }
                            Map<UUID, OfferingRow> os = new HashMap<>();
                            for (Row r : offerings) {
                                os.put(r.getUUID("id"), new OfferingRow(r.getUUID("id"), r.getUUID("instructor_id"),
                                        r.getUUID("service_id"), r.getBigDecimal("hourly_rate"),
                                        List.of(r.getArrayOfIntegers("durations")), List.of(r.getArrayOfStrings("levels")),
                                        List.of(r.getArrayOfStrings("age_groups")),
                                        List.of(r.getArrayOfStrings("location_types")), r.getBoolean("active"),
                                        r.getLong("version")));
                            }
                            return new Held(is, os);
                        }));
    }

    private static boolean same(InstructorRow a, InstructorRow b) {
        return a.name().equals(b.name()) && ReadModelStore.validZone(a.timeZone()).equals(b.timeZone())
                && a.areas().equals(b.areas()) && a.teachesOnline() == b.teachesOnline()
                && a.status().equalsIgnoreCase(b.status());
    }

    private static boolean same(OfferingRow a, OfferingRow b) {
        return a.serviceId().equals(b.serviceId()) && a.instructorId().equals(b.instructorId())
                && compare(a.hourlyRate(), b.hourlyRate()) && a.durations().stream().sorted().toList().equals(b.durations().stream().sorted().toList())
                && sorted(a.levels()).equals(sorted(b.levels())) && sorted(a.ageGroups()).equals(sorted(b.ageGroups()))
                && sorted(a.locationTypes()).equals(sorted(b.locationTypes())) && a.active() == b.active();
    }

    private static boolean compare(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).sorted().toList();
    }

    static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse() != null
                && e.getResponse().getStatus() == 404;
    }

    static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
