package com.instainstru.analytics.ingest;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The event log is the source of the catalog; but a new analytics database meets streams that may
 * already have been trimmed past the catalog's first events. While it knows no catalog service at all,
 * it asks catalog-service for its bookable services (at start, then every 10 minutes) and records them
 * as of the epoch, so any catalog event, however old, takes precedence. catalog-service being down only
 * postpones this.
 */
@ApplicationScoped
public class CatalogBootstrap {

    private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    @Inject
    Pool pool;

    @Inject
    @RestClient
    CatalogClient catalog;

    @Scheduled(every = "10m", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return fillIfEmpty().replaceWithVoid();
    }

    /** Fills the catalog from catalog-service if no catalog service is known; returns how many were added. */
    public Uni<Integer> fillIfEmpty() {
        return pool.query("SELECT EXISTS (SELECT 1 FROM catalog_service_ref)").execute()
                .flatMap(rows -> rows.iterator().next().getBoolean(0) ? Uni.createFrom().item(0) : fill())
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("The catalog could not be read from catalog-service (retried in 10 minutes): %s", e.toString());
                    return 0;
                });
    }

    private Uni<Integer> fill() {
        return catalog.all().ifNoItem().after(Duration.ofSeconds(15)).fail().flatMap(view -> {
            List<Tuple> rows = new ArrayList<>();
            for (CatalogClient.CategoryView category : view.categories() == null ? List.<CatalogClient.CategoryView>of()
                    : view.categories()) {
                for (CatalogClient.ServiceView s : category.services() == null ? List.<CatalogClient.ServiceView>of()
                        : category.services()) {
                    if (s.id() != null) {
                        rows.add(Tuple.from(java.util.Arrays.asList(s.id(), s.slug(), s.name(), category.slug(),
                                category.name(), s.active() == null || s.active(), EPOCH)));
                    }
                }
            }
            if (rows.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return pool.preparedQuery("""
                            INSERT INTO catalog_service_ref (service_id, slug, name, category_slug, category_name, active, as_of)
                            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (service_id) DO NOTHING""")
                    .executeBatch(rows).map(r -> {
                        Log.infof("Read %d catalog services from catalog-service (the event log had none)", rows.size());
                        return rows.size();
                    });
        });
    }
}
