package com.instainstru.catalog.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.catalog.demo.DemoDataGenerator.DemoInstructor;
import com.instainstru.catalog.demo.DemoDataGenerator.DemoOffering;
import com.instainstru.catalog.demo.DemoDataGenerator.ServiceInfo;
import com.instainstru.catalog.events.InstructorUpserted;
import com.instainstru.catalog.events.OfferingUpserted;
import com.instainstru.catalog.infra.OfferStats;
import com.instainstru.catalog.infra.ResponseCache;
import com.instainstru.catalog.instructor.AreaDirectory;
import com.instainstru.platform.outbox.EventOutbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes generated demo instructors in chunks, one statement per table per chunk, skipping those
 * already present; every row added is announced on catalog-events like a real sign-up.
 */
@ApplicationScoped
class DemoDataService {

    static final int CHUNK = 1000;
    private static final String TIME_ZONE = "America/New_York";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    EventOutbox outbox;

    @Inject
    ResponseCache cache;

    @Inject
    AreaDirectory areas;

    record Result(int requested, int instructorsCreated, int offeringsCreated, long tookMs) {
    }

    Uni<Result> generate(int count, long seed) {
        long start = System.nanoTime();
        return services().flatMap(services -> {
            Map<String, List<String>> hoods = areas.boroughs().stream()
                    .collect(Collectors.toMap(AreaDirectory.Borough::name, AreaDirectory.Borough::neighbourhoods));
            DemoDataGenerator generator = new DemoDataGenerator(services, hoods, seed);
            List<int[]> chunks = new ArrayList<>();
            for (int from = 0; from < count; from += CHUNK) {
                chunks.add(new int[] {from, Math.min(count, from + CHUNK)});
            }
            return Multi.createFrom().iterable(chunks)
                    .onItem().transformToUniAndConcatenate(c -> pool.withTransaction(conn ->
                            writeChunk(conn, generator.instructors(c[0], c[1]))))
                    .collect().asList()
                    .map(parts -> new Result(count, parts.stream().mapToInt(p -> p[0]).sum(),
                            parts.stream().mapToInt(p -> p[1]).sum(), (System.nanoTime() - start) / 1_000_000));
        }).call(result -> cache.flushAll().onFailure().recoverWithNull());
    }

    private Uni<List<ServiceInfo>> services() {
        return pool.query("""
                SELECT s.id, s.slug, s.name, c.slug AS category, s.display_order, s.online_capable
                FROM catalog_service s JOIN category c ON c.id = s.category_id WHERE s.active
                ORDER BY c.display_order, s.display_order""").execute().map(rows -> {
            List<ServiceInfo> result = new ArrayList<>();
            for (Row r : rows) {
                result.add(new ServiceInfo(r.getUUID("id"), r.getString("slug"), r.getString("name"),
                        r.getString("category"), r.getInteger("display_order"), r.getBoolean("online_capable")));
            }
            return result;
        });
    }

    /** Inserts the chunk's new instructors, then their offerings, then one event per row added. */
    private Uni<int[]> writeChunk(SqlConnection conn, List<DemoInstructor> chunk) {
        return conn.preparedQuery("""
                        INSERT INTO instructor (id, name, bio, years_experience, time_zone, areas, teaches_online,
                                                teaches_at_studio, travels_to_student)
                        SELECT x.id, x.name, x.bio, x.years, $2, ARRAY(SELECT jsonb_array_elements_text(x.areas)),
                               x.online, x.studio, x.travel
                        FROM jsonb_to_recordset(($1::text)::jsonb) AS x(id uuid, name text, bio text, years int,
                             areas jsonb, online boolean, studio boolean, travel boolean)
                        ON CONFLICT (id) DO NOTHING RETURNING id""")
                .execute(Tuple.of(toJson(chunk.stream().map(i -> Map.of("id", i.id(), "name", i.name(), "bio", i.bio(),
                        "years", i.yearsExperience(), "areas", i.areas(), "online", i.teachesOnline(), "studio",
                        i.teachesAtStudio(), "travel", i.travelsToStudents())).toList()), TIME_ZONE))
                .flatMap(inserted -> {
                    Set<UUID> created = new HashSet<>();
                    inserted.forEach(r -> created.add(r.getUUID("id")));
                    List<DemoInstructor> fresh = chunk.stream().filter(i -> created.contains(i.id())).toList();
                    return insertOfferings(conn, fresh).flatMap(offerings -> outbox.record(conn, events(fresh))
                            .replaceWith(new int[] {fresh.size(), offerings}));
                });
    }

    private Uni<Integer> insertOfferings(SqlConnection conn, List<DemoInstructor> instructors) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DemoInstructor i : instructors) {
            for (DemoOffering o : i.offerings()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", o.id());
                row.put("instructor_id", i.id());
                row.put("service_id", o.serviceId());
                row.put("rate", o.hourlyRate());
                row.put("durations", o.durationOptions());
                row.put("levels", o.levels());
                row.put("ages", o.ageGroups());
                row.put("locations", o.locationTypes());
                row.put("description", o.description());
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return conn.preparedQuery("""
                        INSERT INTO instructor_service (id, instructor_id, catalog_service_id, hourly_rate,
                               duration_options, levels, age_groups, location_types, description)
                        SELECT x.id, x.instructor_id, x.service_id, x.rate,
                               ARRAY(SELECT jsonb_array_elements_text(x.durations)::int),
                               ARRAY(SELECT jsonb_array_elements_text(x.levels)),
                               ARRAY(SELECT jsonb_array_elements_text(x.ages)),
                               ARRAY(SELECT jsonb_array_elements_text(x.locations)), x.description
                        FROM jsonb_to_recordset(($1::text)::jsonb) AS x(id uuid, instructor_id uuid, service_id uuid,
                             rate numeric, durations jsonb, levels jsonb, ages jsonb, locations jsonb, description text)
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(toJson(rows)))
                .call(result -> OfferStats.refresh(conn, rows.stream().map(r -> (UUID) r.get("service_id")).toList()))
                .map(result -> result.rowCount());
    }

    private static List<EventOutbox.Event> events(List<DemoInstructor> instructors) {
        List<EventOutbox.Event> events = new ArrayList<>();
        for (DemoInstructor i : instructors) {
            events.add(new EventOutbox.Event(InstructorUpserted.TYPE, new InstructorUpserted(i.id(), i.name(), i.bio(),
                    i.yearsExperience(), TIME_ZONE, i.areas(), i.teachesOnline(), i.teachesAtStudio(),
                    i.travelsToStudents(), "active", 0)));
            for (DemoOffering o : i.offerings()) {
                events.add(new EventOutbox.Event(OfferingUpserted.TYPE, new OfferingUpserted(o.id(), i.id(),
                        o.serviceId(), o.hourlyRate(), o.durationOptions(), o.levels(), o.ageGroups(),
                        o.locationTypes(), true, o.description(), 0)));
            }
        }
        return events;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
