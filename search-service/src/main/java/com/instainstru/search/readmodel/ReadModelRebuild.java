package com.instainstru.search.readmodel;

import com.instainstru.search.infra.SearchConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fills an empty read model (first start, new database) from catalog-service's and booking-service's
 * APIs: a reconciliation of an empty read model, which writes everything (with the sources'
 * versions, so a newer event still wins and an older one does not). The streams keep it current
 * afterwards. If a service cannot answer (or another pod is rebuilding), it is tried again a few
 * seconds later; the service is not ready until it has finished.
 */
@ApplicationScoped
public class ReadModelRebuild {

    @Inject
    Pool pool;

    @Inject
    Reconciliation reconciliation;

    @Inject
    CatalogSnapshot snapshot;

    @Inject
    SearchConfig config;

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
        Log.info("Rebuilding the read model from catalog-service and booking-service");
        return reconciliation.run(false).flatMap(report -> {
            if (report.isEmpty()) {
                throw new IllegalStateException("another pod is rebuilding or reconciling the read model");
            }
            return pool.preparedQuery("""
                            INSERT INTO read_model_rebuild (id, started_at, finished_at, services, instructors)
                            VALUES (1, $1, now(), $2, $3) ON CONFLICT (id) DO NOTHING""")
                    .execute(Tuple.of(report.get().startedAt(), report.get().checked().services(),
                            report.get().checked().instructors()))
                    .invoke(ok -> Log.infof("Read model rebuilt: %d services, %d instructors, %d schedules in %d ms",
                            report.get().checked().services(), report.get().checked().instructors(),
                            report.get().checked().schedules(), report.get().tookMs()));
        }).replaceWithVoid();
    }
}
