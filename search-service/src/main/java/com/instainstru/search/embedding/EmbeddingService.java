package com.instainstru.search.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.instainstru.search.infra.SearchConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The model, loaded once at start and warmed up with one inference before the service reports
 * ready; query embeddings are cached (the same words are embedded once).
 */
@Startup
@ApplicationScoped
public class EmbeddingService {

    @Inject
    SearchConfig config;

    @Inject
    MeterRegistry registry;

    private volatile Embedder embedder;
    private Cache<String, float[]> cache;
    private Timer inference;

    @PostConstruct
    void load() {
        long start = System.nanoTime();
        cache = Caffeine.newBuilder().maximumSize(config.model().cacheSize()).recordStats().build();
        inference = registry.timer("search.embedding.inference");
        Embedder loaded = Embedder.load(config.model().threads());
        loaded.embed("warm up the model with one piano lesson");
        embedder = loaded;
        Log.infof("Embedding model loaded and warmed up in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        Embedder e = embedder;
        embedder = null;
        if (e != null) {
            e.close();
        }
    }

    /** The loaded model itself (for tests that compare meanings in memory). */
    public Embedder embedder() {
        return embedder;
    }

    public boolean ready() {
        return embedder != null;
    }

    /** The unit-length embedding of {@code text}, from the cache when it was embedded before. */
    public float[] embed(String text) {
        return cache.get(text, t -> inference.record(() -> embedder.embed(t)));
    }

    /** The cached embedding of {@code text}, or null when it has not been embedded yet. */
    public float[] cached(String text) {
        return cache.getIfPresent(text);
    }

    /** Embeds without caching (catalog services: embedded once when they change). */
    public float[] embedUncached(String text) {
        return embedder.embed(text);
    }

    /** The pgvector literal of a vector: {@code [0.1,0.2,...]}. */
    public static String literal(float[] vector) {
        StringBuilder out = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(vector[i]);
        }
        return out.append(']').toString();
    }
}
