package com.instainstru.platform.streams;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far the service's consumer group is behind on each stream it reads, from Redis ({@code XINFO GROUPS}) every
 * 15 s: {@code streams_consumer_lag{stream}} (entries in the stream the group has not read yet) and
 * {@code streams_consumer_pending{stream}} (read by a pod but not acknowledged: being applied, or left by a pod that
 * died until another reclaims them). NaN while Redis does not answer or the group does not exist yet. The group is
 * the service's, so every pod reports the same values: take the max over pods.
 */
@ApplicationScoped
public class StreamMetrics {

    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    Redis redis;

    @Inject
    StreamConsumer consumer;

    @Inject
    MeterRegistry registry;

    private final Map<String, double[]> values = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent start) {
        for (String stream : consumer.streams()) {
            double[] lagAndPending = {Double.NaN, Double.NaN};
            values.put(stream, lagAndPending);
            Gauge.builder("streams.consumer.lag", lagAndPending, v -> v[0]).tag("stream", stream)
                    .description("Entries of the stream the service's consumer group has not read yet").register(registry);
            Gauge.builder("streams.consumer.pending", lagAndPending, v -> v[1]).tag("stream", stream)
                    .description("Entries read by the group but not yet acknowledged").register(registry);
        }
    }

    @Scheduled(every = "15s", delayed = "3s")
    Uni<Void> refresh() {
        return Multi.createFrom().iterable(values.entrySet())
                .onItem().transformToUniAndConcatenate(e -> read(e.getKey(), e.getValue()))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> read(String stream, double[] lagAndPending) {
        return redis.send(Request.cmd(Command.XINFO).arg("GROUPS").arg(stream))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .invoke(groups -> {
                    Response mine = null;
                    for (Response group : groups) {
                        if (consumer.group().equals(String.valueOf(field(group, "name")))) {
                            mine = group;
                        }
                    }
                    lagAndPending[0] = number(mine == null ? null : field(mine, "lag"));
                    lagAndPending[1] = number(mine == null ? null : field(mine, "pending"));
                })
                .onFailure().invoke(e -> {
                    Log.debugf("%s consumer metrics not read: %s", stream, e.toString());
                    lagAndPending[0] = Double.NaN;
                    lagAndPending[1] = Double.NaN;
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** A field of one group's description: a map (RESP3) or a flat list of names and values (RESP2). */
    static Response field(Response group, String name) {
        if (group == null) {
            return null;
        }
        try {
            if (!group.getKeys().isEmpty()) {
                return group.get(name);
            }
        } catch (UnsupportedOperationException notAMap) {
            // RESP2: read the pairs below
        }
        for (int i = 0; i + 1 < group.size(); i += 2) {
            if (name.equals(String.valueOf(group.get(i)))) {
                return group.get(i + 1);
            }
        }
        return null;
    }

    /** A number, or NaN for nil (Redis cannot always tell the lag, e.g. after entries were deleted). */
    private static double number(Response value) {
        try {
            return value == null ? Double.NaN : Double.parseDouble(value.toString());
        } catch (RuntimeException nil) {
            return Double.NaN;
        }
    }
}
