package com.instainstru.search.readmodel;

import com.instainstru.search.embedding.Embedder;
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

    private volatile Snapshot current = new Snapshot("", new ServiceMatcher(List.of(), text -> List.of()), Map.of(), Map.of(),
            Map.of());
    private final AtomicBoolean reloading = new AtomicBoolean();

    /**
     * The matcher (lexical rules), the active services by id, their popularity from analytics (0–1) and
     * their embeddings (unit length, as stored in the read model), so that a query's meaning is compared
     * in memory: a few hundred dot products cost less than a round trip to PostgreSQL with a vector literal.
     */
    public record Snapshot(String version, ServiceMatcher matcher, Map<UUID, CatalogEntry> byId,
            Map<UUID, Double> popularity, Map<UUID, float[]> embeddings) {

        /** The {@code k} active services nearest to a unit-length query vector by cosine similarity, best first. */
        public List<Scored> nearest(float[] query, int k) {
            List<Scored> all = new ArrayList<>(embeddings.size());
            embeddings.forEach((id, vector) -> all.add(new Scored(byId.get(id), Embedder.cosine(query, vector))));
            // Ties (equal vectors) keep a stable order: by service id.
            all.sort(java.util.Comparator.comparingDouble(Scored::score).reversed()
                    .thenComparing(s -> s.service().id()));
            return List.copyOf(all.subList(0, Math.min(k, all.size())));
        }
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
        Map<UUID, float[]> embeddings = new java.util.HashMap<>();
        Uni<List<CatalogEntry>> services = pool.query("""
                        SELECT id, slug, name, category_slug, category_name, search_terms, popularity,
                               embedding::text AS embedding
                        FROM catalog_service WHERE active ORDER BY category_slug, name""").execute()
                .map(rows -> {
                    List<CatalogEntry> out = new ArrayList<>();
                    rows.forEach(r -> {
                        out.add(entry(r));
                        popularity.put(r.getUUID("id"), r.getDouble("popularity"));
                        embeddings.put(r.getUUID("id"), vector(r.getString("embedding")));
                    });
                    return out;
                });
        return Uni.combine().all().unis(categories, services).asTuple().invoke(t -> {
            Map<UUID, CatalogEntry> byId = new LinkedHashMap<>();
            t.getItem2().forEach(e -> byId.put(e.id(), e));
            ServiceMatcher matcher = new ServiceMatcher(t.getItem2(), text -> {
                throw new IllegalStateException("meanings are looked up before matching");
            }).withCategories(t.getItem1());
            current = new Snapshot(version, matcher, Map.copyOf(byId), Map.copyOf(popularity), Map.copyOf(embeddings));
            Log.debugf("Catalog snapshot: %d services in %d categories", byId.size(), t.getItem1().size());
        }).replaceWithVoid();
    }

    private static CatalogEntry entry(Row r) {
        return new CatalogEntry(r.getUUID("id"), r.getString("slug"), r.getString("name"), r.getString("category_slug"),
                r.getString("category_name"), List.of(r.getArrayOfStrings("search_terms")));
    }

    /** A vector as pgvector writes it, {@code [0.1,0.2,...]}. */
    static float[] vector(String text) {
        String[] parts = text.substring(1, text.length() - 1).split(",");
        float[] out = new float[parts.length];
        for (int d = 0; d < parts.length; d++) {
            out[d] = Float.parseFloat(parts[d]);
        }
        return out;
    }
}
