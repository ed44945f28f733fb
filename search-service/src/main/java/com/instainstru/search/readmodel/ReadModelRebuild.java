package com.instainstru.search.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.search.infra.SearchConfig;
import com.instainstru.search.readmodel.ReadModelStore.DayWindows;
import com.instainstru.search.readmodel.ReadModelStore.InstructorRow;
import com.instainstru.search.readmodel.ReadModelStore.OfferingRow;
import com.instainstru.search.readmodel.ReadModelStore.ServiceRow;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Fills an empty read model (first start, new database) from catalog-service's and
 * booking-service's APIs; the streams keep it current afterwards. Rows are written with the
 * time the rebuild started, so an event newer than that still wins and an older one does not.
 * If a service cannot answer, the rebuild is tried again a few seconds later; the service is not
 * ready until it has finished.
 */
@ApplicationScoped
public class ReadModelRebuild {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int PAGE = 100;
    private static final int FREE_TIME_BATCH = 100; // booking-service answers at most 100 instructors per call

    @Inject
    Pool pool;

    @Inject
    ReadModelStore store;

    @Inject
    CatalogSnapshot snapshot;

    @Inject
    SearchConfig config;

    @RestClient
    CatalogApi catalog;

    @RestClient
    BookingApi booking;

    private volatile boolean done;
    private final AtomicBoolean running = new AtomicBoolean();

    public boolean done() {
        return done;
    }

    void onStart(@Observes StartupEvent start) {
        attempt();
    }

    @Scheduled(every = "${search.rebuild.retry-interval:5s}", delayed = "5s")
    void retry() {
        if (!done) {
            attempt();
        }
    }

    void attempt() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        ensureBuilt().chain(snapshot::reload).subscribe().with(ok -> {
            done = true;
            running.set(false);
        }, e -> {
            running.set(false);
            Log.warnf("The read model is not rebuilt yet (will retry): %s", e.toString());
        });
    }

    /** Rebuilds when the read model has never been built (and rebuilding is enabled). */
    Uni<Void> ensureBuilt() {
        if (!config.rebuild().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return pool.query("SELECT count(*) FROM read_model_rebuild").execute()
                .map(rows -> rows.iterator().next().getLong(0) > 0)
                .flatMap(built -> built ? Uni.createFrom().voidItem() : rebuild());
    }

    /** Reads everything from the services' APIs into the read model. */
    public Uni<Void> rebuild() {
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        Log.info("Rebuilding the read model from catalog-service and booking-service");
        return catalog.categories().flatMap(categories -> pool.withTransaction(conn -> Multi.createFrom()
                        .iterable(categories).onItem().transformToUniAndConcatenate(c -> conn.preparedQuery(
                                "INSERT INTO category (slug, name) VALUES ($1, $2) "
                                        + "ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name")
                                .execute(Tuple.of(c.path("slug").asText(), c.path("name").asText())))
                        .collect().last()))
                .chain(() -> catalog.all())
                .flatMap(all -> services(all, startedAt))
                .flatMap(services -> instructors(0, startedAt, new ArrayList<>())
                        .flatMap(ids -> freeTime(ids).replaceWith(ids.size()))
                        .flatMap(instructors -> pool.preparedQuery("""
                                        INSERT INTO read_model_rebuild (id, started_at, finished_at, services, instructors)
                                        VALUES (1, $1, now(), $2, $3) ON CONFLICT (id) DO NOTHING""")
                                .execute(Tuple.of(startedAt, services, instructors))
                                .invoke(ok -> Log.infof("Read model rebuilt: %d services, %d instructors in %d ms",
                                        services, instructors, (System.nanoTime() - t0) / 1_000_000))))
                .replaceWithVoid();
    }

    private Uni<Integer> services(JsonNode all, OffsetDateTime asOf) {
        List<ServiceRow> rows = new ArrayList<>();
        for (JsonNode category : all.path("categories")) {
            for (JsonNode s : category.path("services")) {
                rows.add(new ServiceRow(UUID.fromString(s.path("id").asText()), s.path("slug").asText(),
                        s.path("name").asText(), category.path("slug").asText(), category.path("name").asText(),
                        ReadModelStore.strings(s.path("searchTerms")), s.path("onlineCapable").asBoolean(false),
                        s.path("active").asBoolean(true)));
            }
        }
        return pool.withTransaction(conn -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> store.upsertService(conn, row, asOf))
                .collect().last()).replaceWith(rows.size());
    }

    /** Reads the active instructors (and their offerings) page by page; returns their ids. */
    private Uni<List<UUID>> instructors(int page, OffsetDateTime asOf, List<UUID> ids) {
        return catalog.instructors(page, PAGE).flatMap(body -> {
            List<JsonNode> items = new ArrayList<>();
            body.path("items").forEach(items::add);
            if (items.isEmpty()) {
                return Uni.createFrom().item(ids);
            }
            items.forEach(i -> ids.add(UUID.fromString(i.path("id").asText())));
            return pool.withTransaction(conn -> Multi.createFrom().iterable(items)
                            .onItem().transformToUniAndConcatenate(i -> instructor(conn, i, asOf)).collect().last())
                    .flatMap(ok -> (long) (page + 1) * PAGE >= body.path("total").asLong()
                            ? Uni.createFrom().item(ids) : instructors(page + 1, asOf, ids));
        });
    }

    private Uni<Void> instructor(SqlClient conn, JsonNode i, OffsetDateTime asOf) {
        UUID id = UUID.fromString(i.path("id").asText());
        InstructorRow row = new InstructorRow(id, i.path("name").asText(), i.path("timeZone").asText(null),
                ReadModelStore.strings(i.path("areas")), i.path("teachesOnline").asBoolean(false),
                i.path("status").asText("active"));
        List<OfferingRow> offerings = new ArrayList<>();
        for (JsonNode o : i.path("offerings")) {
            List<Integer> durations = new ArrayList<>();
            o.path("durationOptions").forEach(d -> durations.add(d.asInt()));
            offerings.add(new OfferingRow(UUID.fromString(o.path("id").asText()), id,
                    UUID.fromString(o.path("catalogServiceId").asText()), new BigDecimal(o.path("hourlyRate").asText()),
                    durations, ReadModelStore.strings(o.path("levels")), ReadModelStore.strings(o.path("ageGroups")),
                    ReadModelStore.strings(o.path("locationTypes")), o.path("active").asBoolean(true)));
        }
        return store.upsertInstructor(conn, row, asOf).chain(() -> Multi.createFrom().iterable(offerings)
                .onItem().transformToUniAndConcatenate(o -> store.upsertOffering(conn, o, asOf)).collect().last())
                .replaceWithVoid();
    }

    /** The instructors' free time over the horizon, in batches, stored as their windows. */
    private Uni<Void> freeTime(List<UUID> ids) {
        LocalDate today = LocalDate.now(NEW_YORK);
        LocalDate to = today.plusDays(config.results().horizonDays());
        List<List<UUID>> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += FREE_TIME_BATCH) {
            batches.add(ids.subList(i, Math.min(ids.size(), i + FREE_TIME_BATCH)));
        }
        return Multi.createFrom().iterable(batches).onItem().transformToUniAndConcatenate(batch -> booking
                        .freeTime(new BookingApi.FreeTimeRequest(batch, today, to))
                        .flatMap(body -> pool.withTransaction(conn -> Multi.createFrom().iterable(body.path("instructors"))
                                .onItem().transformToUniAndConcatenate(i -> store.replaceWindows(conn,
                                        UUID.fromString(i.path("instructorId").asText()),
                                        ZoneId.of(ReadModelStore.validZone(i.path("timeZone").asText(null))),
                                        days(i.path("days"))))
                                .collect().last())))
                .collect().last().replaceWithVoid();
    }

    private static List<DayWindows> days(JsonNode days) {
        List<DayWindows> out = new ArrayList<>();
        for (JsonNode d : days) {
            List<String[]> windows = new ArrayList<>();
            d.path("free").forEach(w -> windows.add(new String[] {w.path("start").asText(), w.path("end").asText()}));
            out.add(new DayWindows(LocalDate.parse(d.path("date").asText()), windows));
        }
        return out;
    }
}
