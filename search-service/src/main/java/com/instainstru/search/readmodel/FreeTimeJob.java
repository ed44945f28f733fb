package com.instainstru.search.readmodel;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Time passes: free time of dates long past and the lessons booked then are dropped, as are
 * day-old tombstones. (How soon an instructor is free is worked out at search time, from now.)
 */
@ApplicationScoped
public class FreeTimeJob {

    @Inject
    Pool pool;

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dropPast() {
        return pool.query("DELETE FROM availability WHERE day < current_date - 2").execute()
                .flatMap(ok -> pool.query("DELETE FROM booked WHERE upper(during) < now() - interval '2 days' "
                        + "OR isempty(during) AND noted_at < now() - interval '7 days'").execute())
                // Pods follow removals within a second; one that fell further behind reads everything again.
                .flatMap(ok -> pool.query("DELETE FROM removed_row WHERE removed_at < now() - interval '1 day'").execute())
                .replaceWithVoid();
    }
}
