package com.instainstru.search.readmodel;

import com.instainstru.search.retrieval.CatalogEntry;
import com.instainstru.search.retrieval.ServiceMatch.Scored;
import com.instainstru.search.retrieval.ServiceMatcher;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The catalog as the matcher sees it: the active services and the categories of the read model,
 * held in memory and replaced whenever they change (checked every few seconds, so a change applied
 * by another pod's consumer reaches this pod too).
 */
@ApplicationScoped
public class CatalogSnapshot {

    @Inject
    Pool pool;

    private volatile Snapshot current = new Snapshot("", new ServiceMatcher(List.of(), text -> List.of()), Map.of(), Map.of());
    private final AtomicBoolean reloading = new AtomicBoolean();

    /**
     * The matcher (lexical rules; meanings come from pgvector), the active services by id and their
     * popularity from analytics (0–1).
     */
    public record Snapshot(String version, ServiceMatcher matcher, Map<UUID, CatalogEntry> byId,
            Map<UUID, Double> popularity) {
    }

    public Snapshot current() {
        return current;
    }

    /** Reloads if the catalog changed (whichever pod's consumer applied the change). */
    @Scheduled(every = "1s", delayed = "1s")
    void check() {
        if (reloading.compareAndSet(false, true)) {
            reload().subscribe().with(ok -> reloading.set(false), e -> {
                reloading.set(false);
                Log.warnf("Reloading the catalog snapshot failed: %s", e.toString());
            });
        }
    }

    /** Reads the catalog's version and, when it differs from the one held, the catalog itself. */
    public Uni<Void> reload() {
        return pool.query("""
                        SELECT coalesce(md5(string_agg(id::text || slug || name || category_slug || category_name
                               || active::text || array_to_string(search_terms, ',') || popularity::text, '|' ORDER BY id)), '')
                               || (SELECT count(*) FROM category)::text
                        FROM catalog_service""").execute()
                .map(rows -> rows.iterator().next().getString(0))
                .flatMap(version -> Objects.equals(version, current.version()) ? Uni.createFrom().voidItem()
                        : load(version));
    }

    private Uni<Void> load(String version) {
        Uni<Map<String, String>> categories = pool.query("SELECT slug, name FROM category ORDER BY slug").execute()
                .map(rows -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    rows.forEach(r -> out.put(r.getString("slug"), r.getString("name")));
                    return out;
                });
        Map<UUID, Double> popularity = new java.util.HashMap<>();
        Uni<List<CatalogEntry>> services = pool.query("""
                        SELECT id, slug, name, category_slug, category_name, search_terms, popularity FROM catalog_service
                        WHERE active ORDER BY category_slug, name""").execute()
                .map(rows -> {
                    List<CatalogEntry> out = new ArrayList<>();
                    rows.forEach(r -> {
                        out.add(entry(r));
                        popularity.put(r.getUUID("id"), r.getDouble("popularity"));
                    });
                    return out;
                });
        return Uni.combine().all().unis(categories, services).asTuple().invoke(t -> {
            Map<UUID, CatalogEntry> byId = new LinkedHashMap<>();
            t.getItem2().forEach(e -> byId.put(e.id(), e));
            ServiceMatcher matcher = new ServiceMatcher(t.getItem2(), text -> {
                throw new IllegalStateException("meanings are looked up before matching");
            }).withCategories(t.getItem1());
            current = new Snapshot(version, matcher, Map.copyOf(byId), Map.copyOf(popularity));
            Log.debugf("Catalog snapshot: %d services in %d categories", byId.size(), t.getItem1().size());
        }).replaceWithVoid();
    }

    private static CatalogEntry entry(Row r) {
        return new CatalogEntry(r.getUUID("id"), r.getString("slug"), r.getString("name"), r.getString("category_slug"),
                r.getString("category_name"), List.of(r.getArrayOfStrings("search_terms")));
    }

    /** The services nearest to a query vector by cosine distance (pgvector's HNSW index). */
    public Uni<List<Scored>> nearest(String vectorLiteral, int k) {
        Snapshot snapshot = current;
        return pool.preparedQuery("""
                        SELECT id, 1 - (embedding <=> $1::vector) AS similarity FROM catalog_service
                        WHERE active ORDER BY embedding <=> $1::vector LIMIT $2""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(vectorLiteral, k))
                .map(rows -> {
                    List<Scored> out = new ArrayList<>();
                    for (Row r : rows) {
                        CatalogEntry e = snapshot.byId().get(r.getUUID("id"));
                        if (e != null) {
                            out.add(new Scored(e, r.getDouble("similarity")));
                        }
                    }
                    return out;
                });
    }
}
