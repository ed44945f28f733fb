package com.instainstru.catalog.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ExpireArgs;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Cache-aside store of serialised public answers in Redis. Each entry is a field of a hash
 * (the hash groups the variants of one answer, e.g. every {@code limit} of top-per-category),
 * so invalidating a group is one DEL. Redis is an accelerator only: when it is slow or down,
 * answers come from the database and nothing fails.
 */
@ApplicationScoped
public class ResponseCache {

    /** The field used by answers that have a single variant. */
    public static final String SINGLE = "v";
    private static final Duration SECOND_DELETE_DELAY = Duration.ofMillis(500);

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    CatalogConfig config;

    @Inject
    MeterRegistry registry;

    private ReactiveHashCommands<String, String, String> hashes;
    private ReactiveKeyCommands<String> keys;
    private volatile boolean flushPending;
    private Counter hits;
    private Counter misses;

    @PostConstruct
    void init() {
        hashes = redis.hash(String.class, String.class, String.class);
        keys = redis.key(String.class);
        hits = registry.counter("catalog.cache", "result", "hit");
        misses = registry.counter("catalog.cache", "result", "miss");
    }

    /** The cached answer for (key, field), or the computed one, which is then stored in the background. */
    public Uni<String> getOrCompute(String key, String field, Supplier<Uni<String>> compute) {
        if (!config.cache().enabled()) {
            return compute.get();
        }
        String fullKey = config.cache().prefix() + key;
        return hashes.hget(fullKey, field)
                .ifNoItem().after(config.cache().timeout()).fail()
                .onFailure().recoverWithNull()
                .flatMap(cached -> {
                    if (cached != null) {
                        hits.increment();
                        return Uni.createFrom().item(cached);
                    }
                    misses.increment();
                    return compute.get().invoke(value -> store(fullKey, field, value));
                });
    }

    private void store(String fullKey, String field, String value) {
        hashes.hset(fullKey, field, value)
                // NX: the TTL starts with the group's first entry, so no group outlives it however often it is added to.
                .flatMap(added -> keys.expire(fullKey, config.cache().ttl(), new ExpireArgs().nx()))
                .subscribe().with(ok -> { }, error -> Log.debugf("Cache store of %s failed: %s", fullKey, error));
    }

    /**
     * Removes the given answer groups. Runs twice (now and shortly after) so that an answer computed
     * from the old data by a request that was already in flight cannot survive the change. If Redis
     * cannot be reached, the whole cache is flushed as soon as it can.
     */
    public Uni<Void> invalidate(Collection<String> groups) {
        if (!config.cache().enabled() || groups.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] fullKeys = groups.stream().map(k -> config.cache().prefix() + k).distinct().toArray(String[]::new);
        return delete(fullKeys)
                .invoke(() -> Uni.createFrom().voidItem().onItem().delayIt().by(SECOND_DELETE_DELAY)
                        .call(() -> delete(fullKeys)).subscribe().with(ok -> { }, err -> { }));
    }

    private Uni<Void> delete(String[] fullKeys) {
        return keys.del(fullKeys)
                .ifNoItem().after(config.cache().timeout()).fail()
                .onFailure().invoke(error -> {
                    Log.warnf("Cache invalidation failed (%s); the cache will be flushed when Redis answers", error.toString());
                    flushPending = true;
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Empties this service's cache after an invalidation could not reach Redis. */
    @Scheduled(every = "1s", delayed = "1s")
    Uni<Void> flushIfPending() {
        if (!flushPending) {
            return Uni.createFrom().voidItem();
        }
        return flushAll().invoke(() -> {
            flushPending = false;
            Log.info("Cache flushed after Redis came back");
        }).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes every key of this service's cache. */
    public Uni<Void> flushAll() {
        return keys.scan(new KeyScanArgs().match(config.cache().prefix() + "*").count(500))
                .toMulti().group().intoLists().of(500)
                .onItem().transformToUniAndConcatenate(batch -> keys.del(batch.toArray(String[]::new)))
                .collect().last().replaceWithVoid();
    }
}
