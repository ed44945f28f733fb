package com.instainstru.search.readmodel;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Time passes: an instructor's "next free" moment that is now behind us is recomputed (it may
 * still be now, or later), and free time of dates long past is dropped, as are day-old tombstones.
 */
@ApplicationScoped
public class FreeTimeJob {

    @Inject
    Pool pool;

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> advanceNextFree() {
        return pool.preparedQuery("UPDATE instructor SET next_free = next_free(free, $1) WHERE next_free < now()")
                .execute(Tuple.of(ReadModelStore.SOONEST_MINUTES)).replaceWithVoid();
    }

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dropPast() {
        return pool.query("DELETE FROM availability WHERE day < current_date - 2").execute()
                .flatMap(ok -> pool.query("DELETE FROM booked WHERE upper(during) < now() - interval '2 days'").execute())
                // Pods follow removals within a second; one that fell further behind reads everything again.
                .flatMap(ok -> pool.query("DELETE FROM removed_row WHERE removed_at < now() - interval '1 day'").execute())
                .replaceWithVoid();
    }
}
