package com.instainstru.search.search;

import static org.awaitility.Awaitility.await;

import com.instainstru.search.readmodel.CatalogSnapshot;
import com.instainstru.search.support.Catalog;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.arc.Arc;
import java.time.Duration;
import java.util.UUID;

/** Publishes the seeded catalog once per test run and waits until search knows all of it. */
public final class TestCatalogLoader {

    private static volatile boolean published;

    private TestCatalogLoader() {
    }

    static synchronized void ensureLoaded(Redis redis, CatalogSnapshot snapshot) {
        if (!published) {
            Catalog.publishCatalog(redis);
            published = true;
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> snapshot.current().byId().size() >= 250);
    }

    /** Makes the next test publish the catalog again (after a test cleared the read model). */
    public static synchronized void forget() {
        published = false;
    }

    /** Whether the consumer has applied (or deliberately skipped) the event. */
    static boolean processed(UUID eventId) {
        Pool pool = Arc.container().instance(Pool.class).get();
        return pool.preparedQuery("SELECT 1 FROM processed_event WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(5)).size() == 1;
    }
}
