package com.instainstru.catalog.infra;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Collection;
import java.util.UUID;

/**
 * Keeps {@code service_offer_stats} exact. Each refresh takes a per-service transaction lock, then
 * recomputes in a new statement, so it sees every transaction that committed before it: two
 * instructors offering the same service at once cannot lose either count. Call inside the
 * transaction that made the change, after the change is flushed.
 */
public final class OfferStats {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('offer-stats:' || id::text, 0)) "
            + "FROM (SELECT id FROM unnest(%s) AS u(id) ORDER BY id) sorted";
    private static final String REFRESH = """
            INSERT INTO service_offer_stats (service_id, instructor_count, min_rate, max_rate, updated_at)
            SELECT s.id, count(i.id), min(o.hourly_rate) FILTER (WHERE i.id IS NOT NULL),
                   max(o.hourly_rate) FILTER (WHERE i.id IS NOT NULL), now()
            FROM unnest(%s) AS s(id)
            LEFT JOIN instructor_service o ON o.catalog_service_id = s.id AND o.active
            LEFT JOIN instructor i ON i.id = o.instructor_id AND i.status = 'active'
            GROUP BY s.id
            ON CONFLICT (service_id) DO UPDATE SET instructor_count = EXCLUDED.instructor_count,
                min_rate = EXCLUDED.min_rate, max_rate = EXCLUDED.max_rate, updated_at = now()""";

    private OfferStats() {
    }

    /** Refreshes the given services in the current Hibernate transaction. */
    public static Uni<Void> refresh(Collection<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String ids = "ARRAY[" + serviceIds.stream().sorted().distinct().map(id -> "'" + id + "'")
                .reduce((a, b) -> a + "," + b).orElseThrow() + "]::uuid[]";
        return Panache.getSession().flatMap(session -> session.flush()
                .chain(() -> session.createNativeQuery(String.format(LOCK, ids)).getResultList())
                .chain(() -> session.createNativeQuery(String.format(REFRESH, ids)).executeUpdate()))
                .replaceWithVoid();
    }

    /** Refreshes the given services on a plain SQL connection, inside its transaction. */
    public static Uni<Void> refresh(SqlConnection conn, Collection<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple ids = Tuple.of(serviceIds.stream().distinct().toArray(UUID[]::new));
        return conn.preparedQuery(String.format(LOCK, "$1::uuid[]")).execute(ids)
                .chain(() -> conn.preparedQuery(String.format(REFRESH, "$1::uuid[]")).execute(ids))
                .replaceWithVoid();
    }
}
