package com.instainstru.search.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.instainstru.search.infra.SearchConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.CompletableFuture;

/**
 * The model, loaded once at start and warmed up with one inference before the service reports ready;
 * query embeddings are cached (the same words are embedded once). The load runs on a thread of its own from
 * the first moment of the start, beside the rest of it (the offering index, the catalog, the HTTP server):
 * it is most of the start's work and needs none of them. Whatever embeds before it is done waits for it
 * (only worker threads embed); the service is not ready before.
 */
@Startup(Interceptor.Priority.PLATFORM_BEFORE)
@ApplicationScoped
public class EmbeddingService {

    @Inject
    SearchConfig config;

    @Inject
    MeterRegistry registry;

    private final CompletableFuture<Embedder> model = new CompletableFuture<>();
    private Cache<String, float[]> cache;
    private Timer inference;

    @PostConstruct
    void startLoading() {
        cache = Caffeine.newBuilder().maximumSize(config.model().cacheSize()).recordStats().build();
        inference = registry.timer("search.embedding.inference");
        Thread loader = new Thread(this::load, "embedding-model-load");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        long start = System.nanoTime();
        try {
            Embedder loaded = Embedder.load(config.model().threads());
            loaded.embed("warm up the model with one piano lesson");
            model.complete(loaded);
            Log.infof("Embedding model loaded and warmed up in %d ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            model.completeExceptionally(e);
            Log.errorf(e, "The embedding model cannot be loaded: search-service stops");
            Quarkus.asyncExit(1);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (model.isDone() && !model.isCompletedExceptionally()) {
            model.join().close();
        }
    }

    /** The loaded model itself, once loaded (for tests that compare meanings in memory). */
    public Embedder embedder() {
        return model.join();
    }

    /** Whether the model is loaded and has run its warm-up inference. */
    public boolean ready() {
        return model.isDone() && !model.isCompletedExceptionally();
    }

    /** The unit-length embedding of {@code text}, from the cache when it was embedded before. */
    public float[] embed(String text) {
        return cache.get(text, t -> inference.record(() -> embedder().embed(t)));
    }

    /** The cached embedding of {@code text}, or null when it has not been embedded yet. */
    public float[] cached(String text) {
        return cache.getIfPresent(text);
    }

    /** Embeds without caching (catalog services: embedded once when they change). */
    public float[] embedUncached(String text) {
        return embedder().embed(text);
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
