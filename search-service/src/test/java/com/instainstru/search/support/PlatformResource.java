package com.instainstru.search.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real catalog-service and booking-service for search's rebuild test: the jars the same build
 * packaged (both come before search-service in the reactor), on free ports, against their test
 * databases and the Redis database search's tests read, with a little demo data loaded.
 */
public class PlatformResource implements QuarkusTestResourceLifecycleManager {

    /** Where the catalog-service started here keeps its cached answers (in search's test Redis database). */
    static final String CATALOG_CACHE_PREFIX = "catalog-for-search-tests:";
    private static String catalogUrl;
    private static String bookingUrl;
    private final List<Process> processes = new ArrayList<>();

    public static String catalogUrl() {
        return catalogUrl;
    }

    public static String bookingUrl() {
        return bookingUrl;
    }

    @Override
    public Map<String, String> start() {
        try {
            int catalogPort = freePort();
            int bookingPort = freePort();
            catalogUrl = "http://127.0.0.1:" + catalogPort;
            bookingUrl = "http://127.0.0.1:" + bookingPort;
            start("catalog-service", catalogPort, Map.of("PG_DATABASE", "catalog_test",
                    "CATALOG_CACHE_PREFIX", CATALOG_CACHE_PREFIX, "CATALOG_DEMO_DATA_ENABLED", "true",
                    "BOOKING_URL", bookingUrl));
            start("booking-service", bookingPort, Map.of("PG_DATABASE", "booking_test", "CATALOG_URL", catalogUrl,
                    "BOOKING_DEMO_DATA_ENABLED", "true"));
            post(catalogUrl + "/api/v1/admin/demo-data", "{\"instructors\": 12, \"seed\": 4242}");
            post(bookingUrl + "/api/v1/admin/demo-data", "{\"days\": 14, \"bookings\": 10}");
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("catalog-service and booking-service did not start for the tests", e);
        }
        return Map.of("quarkus.rest-client.catalog.url", catalogUrl, "quarkus.rest-client.booking.url", bookingUrl);
    }

    /** Drops catalog-service's cached answers, as their time to live would. */
    public static void expireCatalogCache() {
        io.vertx.mutiny.redis.client.Redis redis = io.quarkus.arc.Arc.container()
                .instance(io.vertx.mutiny.redis.client.Redis.class).get();
        String cursor = "0";
        do {
            io.vertx.mutiny.redis.client.Response page = redis.send(io.vertx.mutiny.redis.client.Request
                    .cmd(io.vertx.mutiny.redis.client.Command.SCAN).arg(cursor).arg("MATCH").arg(CATALOG_CACHE_PREFIX + "*")
                    .arg("COUNT").arg(1000)).await().atMost(java.time.Duration.ofSeconds(5));
            cursor = page.get(0).toString();
            for (io.vertx.mutiny.redis.client.Response key : page.get(1)) {
                redis.send(io.vertx.mutiny.redis.client.Request.cmd(io.vertx.mutiny.redis.client.Command.DEL)
                        .arg(key.toString())).await().atMost(java.time.Duration.ofSeconds(5));
            }
        } while (!"0".equals(cursor));
    }

    private void start(String module, int port, Map<String, String> settings) throws Exception {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B verify from the root)");
        }
        Path key = Path.of(getClass().getClassLoader().getResource("publicKey.pem").toURI());
        Path log = Path.of("target", module + "-for-search-tests.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx256m", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        int management = freePort(); // health and metrics: the management interface
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        env.put("QUARKUS_REDIS_HOSTS", "redis://" + System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("REDIS_PORT", "6379") + "/3"); // the database search's tests read
        env.put("JWT_PUBLIC_KEY_LOCATION", key.toString());
        env.putAll(settings);
        Process process = builder.start();
        processes.add(process);
        waitUntilReady(process, "http://127.0.0.1:" + management, log);
    }

    private static void post(String url, String body) throws Exception {
        String admin = Jwt.issuer("instainstru").subject(UUID.randomUUID().toString()).groups("admin").expiresIn(600).sign();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void stop() {
        for (Process process : processes) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    private static void waitUntilReady(Process process, String baseUrl, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(baseUrl + " exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(baseUrl + " not ready after 90 s");
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
