package com.instainstru.gateway.home;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.instainstru.gateway.infra.GatewayConfig;
import com.instainstru.gateway.routing.ServiceClient;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The homepage in one answer: categories, top services per category, trending services and
 * trending searches, fetched in parallel from catalog-service and analytics-service. The serialised
 * page is kept in memory for {@code gateway.home.ttl}; when it is older, the old page is still
 * served while one (never more) assembly runs. A part whose service fails is left out and named in
 * {@code unavailable}: the page degrades, it does not fail.
 */
@ApplicationScoped
public class HomePage {

    @Inject
    ServiceClient services;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    /** A serialised page and when it was assembled. */
    record Snapshot(byte[] body, Instant assembledAt) {
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Snapshot>> inFlight = new AtomicReference<>();

    /** The page: from memory when fresh; otherwise the stale one while it is reassembled, or the first one awaited. */
    public Uni<byte[]> body() {
        Snapshot snapshot = current.get();
        if (snapshot != null && snapshot.assembledAt().plus(config.home().ttl()).isAfter(Instant.now())) {
            return Uni.createFrom().item(snapshot.body());
        }
        CompletableFuture<Snapshot> assembly = assembleOnce();
        return snapshot != null ? Uni.createFrom().item(snapshot.body())
                : Uni.createFrom().completionStage(assembly).map(Snapshot::body);
    }

    private CompletableFuture<Snapshot> assembleOnce() {
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        CompletableFuture<Snapshot> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        Future<Snapshot> assembly;
        try {
            assembly = assemble();
        } catch (RuntimeException e) {
            assembly = Future.failedFuture(e);
        }
        assembly.onComplete(result -> {
            if (result.succeeded()) {
                current.set(result.result());
                mine.complete(result.result());
            } else {
                mine.completeExceptionally(result.cause());
            }
            inFlight.set(null);
        });
        return mine;
    }

    Future<Snapshot> assemble() {
        int top = config.home().topPerCategory();
        Future<JsonNode> categories = part("catalog", "/api/v1/catalog/categories", null);
        Future<JsonNode> topPerCategory = part("catalog", "/api/v1/catalog/top-per-category?limit=" + top, null);
        // analytics' public read: trending services first, then the most popular; the latest report's top searches.
        Future<JsonNode> trending = part("analytics", "/api/v1/analytics/trending?limit=" + config.home().trendingLimit(), null);
        return Future.join(categories, topPerCategory, trending).transform(done -> {
            ObjectNode page = json.createObjectNode();
            page.put("generatedAt", Instant.now().toString());
            List<String> unavailable = new ArrayList<>();
            put(page, unavailable, "categories", categories, node -> node);
            put(page, unavailable, "topPerCategory", topPerCategory, node -> node);
            put(page, unavailable, "trendingServices", trending, node -> list(node, "services"));
            put(page, unavailable, "trendingSearches", trending, node -> list(node, "searches"));
            ArrayNode missing = page.putArray("unavailable");
            unavailable.forEach(missing::add);
            try {
                return Future.succeededFuture(new Snapshot(json.writeValueAsBytes(page), Instant.now()));
            } catch (IOException e) {
                return Future.failedFuture(e);
            }
        });
    }

    private void put(ObjectNode page, List<String> unavailable, String name, Future<JsonNode> part,
            UnaryOperator<JsonNode> shape) {
        if (part.succeeded()) {
            page.set(name, shape.apply(part.result()));
        } else {
            Log.warnf("Homepage without %s: %s", name, part.cause().toString());
            unavailable.add(name);
        }
    }

    /** A part's JSON; a 404 (nothing yet, e.g. no daily report) is an empty part, other answers fail it. */
    private Future<JsonNode> part(String service, String uri, String bearer) {
        return services.call(service, HttpMethod.GET, uri, bearer, null, config.home().partTimeout()).compose(answer -> {
            if (answer.status() == 404) {
                return Future.succeededFuture(json.createObjectNode());
            }
            if (!answer.ok()) {
                return Future.failedFuture(new IllegalStateException(service + " answered " + answer.status()));
            }
            try {
                return Future.succeededFuture(json.readTree(answer.body().getBytes()));
            } catch (IOException e) {
                return Future.failedFuture(e);
            }
        });
    }

    /** A list of the part (an empty list when the part has none yet, e.g. before the first nightly run). */
    private JsonNode list(JsonNode part, String field) {
        JsonNode items = part.path(field);
        return items.isArray() ? items : json.createArrayNode();
    }
}
