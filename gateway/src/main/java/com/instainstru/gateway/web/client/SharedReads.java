package com.instainstru.gateway.web.client;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.instainstru.gateway.web.WebConfig;
import com.instainstru.gateway.web.client.CatalogViews.Catalog;
import com.instainstru.gateway.web.client.CatalogViews.Instructor;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Public reads every visitor of a page shares, kept in memory for {@code gateway.web.shared-reads-ttl} (5 s, as the
 * homepage) so that a busy page does not ask a service again for each visitor: the catalog of /services and
 * instructors' profiles. Only answers are kept: a part the service refused or did not give is asked again by the
 * next visitor. Never used where a student books or changes something: the booking review, the booking itself,
 * lessons and the instructor's and admin's own pages read the services live.
 */
@ApplicationScoped
public class SharedReads {

    /** More instructors than this are not kept (the least used go first). */
    private static final int MAX_INSTRUCTORS = 20_000;

    @Inject
    PageServices services;

    @Inject
    WebConfig web;

    /** The clock of the kept answers' ages (a test's own in tests). */
    LongSupplier nanos = System::nanoTime;

    private AsyncCache<UUID, Part<Instructor>> instructors;
    private final AtomicReference<Kept<Catalog>> catalog = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Part<Catalog>>> catalogRead = new AtomicReference<>();

    /** A kept answer and when it was read. */
    private record Kept<T>(Part<T> part, long readAt) {
    }

    @PostConstruct
    void init() {
        // Runnable::run: Caffeine's own upkeep runs on the visitor's thread; the reads themselves are the services'.
        instructors = Caffeine.newBuilder().expireAfterWrite(web.sharedReadsTtl()).maximumSize(MAX_INSTRUCTORS)
                .executor(Runnable::run).ticker(nanos::getAsLong).buildAsync();
    }

    /** GET /api/v1/instructors/{id}: an active instructor and their offerings, as catalog-service answered at most a TTL ago. */
    public Uni<Part<Instructor>> instructor(UUID id) {
        CompletableFuture<Part<Instructor>> read = instructors.get(id, (key, executor) -> services.readShared("catalog",
                "/api/v1/instructors/" + key, Instructor.class, "the instructor's profile").subscribeAsCompletionStage());
        read.thenAccept(part -> {
            if (!part.ok()) {
                instructors.asMap().remove(id, read); // a refusal or an outage is not kept
            }
        });
        return Uni.createFrom().completionStage(read);
    }

    /**
     * GET /api/v1/catalog/all. Once older than the TTL, the kept catalog is still shown while one read (never more)
     * refreshes it, so no visitor waits for the whole catalog but the first; a catalog older than four TTLs (the
     * service has not answered since) is not shown.
     */
    public Uni<Part<Catalog>> catalog() {
        Kept<Catalog> kept = catalog.get();
        long age = kept == null ? Long.MAX_VALUE : nanos.getAsLong() - kept.readAt();
        long ttl = web.sharedReadsTtl().toNanos();
        if (age < ttl) {
            return Uni.createFrom().item(kept.part());
        }
        CompletableFuture<Part<Catalog>> refresh = refreshCatalog();
        return age < 4 * ttl ? Uni.createFrom().item(kept.part()) : Uni.createFrom().completionStage(refresh);
    }

    private CompletableFuture<Part<Catalog>> refreshCatalog() {
        CompletableFuture<Part<Catalog>> mine = new CompletableFuture<>();
        CompletableFuture<Part<Catalog>> running = catalogRead.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        services.readShared("catalog", "/api/v1/catalog/all", Catalog.class, "the list of lessons").subscribe().with(part -> {
            if (part.ok()) {
                catalog.set(new Kept<>(part, nanos.getAsLong()));
            }
            catalogRead.set(null);
            mine.complete(part);
        }, error -> {
            catalogRead.set(null);
            mine.completeExceptionally(error);
        });
        return mine;
    }
}
