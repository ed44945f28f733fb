package com.instainstru.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the services, used only to make them fail (slow, 502, refusing profiles) and to see
 * what the gateway sends them. Two instances ("a" and "b") answer for catalog, so round-robin shows.
 * Everything else about the services is tested against the real ones (see PlatformResource).
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    /** Requests each instance received, by instance name. */
    public static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    /** Analytics answers 502 while set. */
    public static volatile boolean analyticsBroken;
    /** Catalog answers 503 to profile calls while set. */
    public static volatile boolean profilesRefused;
    /** Instructor profiles catalog was given: user id (from the token) → body. */
    public static final Map<String, String> PROFILES = new ConcurrentHashMap<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int a = freePort();
        int b = freePort();
        listen("a", a);
        listen("b", b);
        String urlA = "http://127.0.0.1:" + a;
        String urlB = "http://127.0.0.1:" + b;
        return Map.ofEntries(
                Map.entry("gateway.services.catalog.urls", urlA + "," + urlB),
                Map.entry("gateway.services.search.urls", urlA),
                Map.entry("gateway.services.search.timeout", "PT0.5S"),
                Map.entry("gateway.services.analytics.urls", urlB),
                Map.entry("gateway.services.booking.urls", "http://127.0.0.1:" + freePort()), // nothing listens
                Map.entry("gateway.breaker.request-volume", "10"),
                Map.entry("gateway.breaker.failure-ratio", "0.5"),
                Map.entry("gateway.breaker.delay", "PT2S"),
                Map.entry("quarkus.http.idle-timeout", "PT2S"),
                Map.entry("gateway.instructor-profiles.retry-interval", "1s"),
                Map.entry("gateway.instructor-profiles.max-backoff", "PT1S"));
    }

    private void listen(String name, int port) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            HITS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            request.body().onSuccess(body -> answer(name, request, body.toString()));
        });
        try {
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(String instance, HttpServerRequest request, String body) {
        String path = request.path();
        if (path.startsWith("/api/v1/search") && "slow".equals(request.getParam("q"))) {
            return; // never answers: the gateway's timeout must
        }
        if (path.startsWith("/api/v1/analytics") && analyticsBroken) {
            request.response().setStatusCode(502).end();
            return;
        }
        if (path.equals("/api/v1/instructors/me")) {
            profile(request, body);
            return;
        }
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("instance", instance).put("method", request.method().name()).put("uri", request.uri())
                .put("headers", headers).put("body", body).encode());
    }

    private static void profile(HttpServerRequest request, String body) {
        if (profilesRefused) {
            request.response().setStatusCode(503).end();
            return;
        }
        String user = subject(request.getHeader("Authorization"));
        if (request.method().name().equals("GET")) {
            request.response().setStatusCode(PROFILES.containsKey(user) ? 200 : 404).end("{}");
        } else {
            PROFILES.put(user, body);
            request.response().setStatusCode(201).end("{}");
        }
    }

    /** The token's subject, read without checking it (the stub only records who the gateway said it was). */
    private static String subject(String authorization) {
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(payload))).getString("sub");
    }

    public static int hits(String instance) {
        AtomicInteger n = HITS.get(instance);
        return n == null ? 0 : n.get();
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
