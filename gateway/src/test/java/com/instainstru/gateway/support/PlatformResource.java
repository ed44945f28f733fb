package com.instainstru.gateway.support;

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
import io.quarkus.elytron.security.common.BcryptUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real services behind the gateway for the authorization matrix: catalog-service, booking-service,
 * search-service and analytics-service, the jars the same build packaged (they come before the gateway
 * in the reactor), on free ports, against their test databases and Redis database 5 (the gateway's),
 * with a little catalog demo data. The gateway also gets an admin account from configuration.
 */
public class PlatformResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_EMAIL = "matrix-admin@instainstru.test";
    public static final String ADMIN_PASSWORD = "the admin's long password";
    /** Base URLs of the services, for tests that call them directly (not through the gateway). */
    public static volatile String catalogUrl;
    public static volatile String bookingUrl;
    public static volatile String searchUrl;
    public static volatile String analyticsUrl;
    private final List<Process> processes = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            int catalog = freePort();
            int booking = freePort();
            int search = freePort();
            int analytics = freePort();
            String catalogUrl = "http://127.0.0.1:" + catalog;
            String bookingUrl = "http://127.0.0.1:" + booking;
            CompletableFuture<Void> c = started("catalog-service", catalog, Map.of("PG_DATABASE", "catalog_test",
                    "CATALOG_CACHE_PREFIX", "catalog-for-gateway-tests:", "CATALOG_DEMO_DATA_ENABLED", "true",
                    "BOOKING_URL", bookingUrl));
            CompletableFuture<Void> b = started("booking-service", booking, Map.of("PG_DATABASE", "booking_test",
                    "CATALOG_URL", catalogUrl));
            CompletableFuture<Void> s = started("search-service", search, Map.of("PG_DATABASE", "search_test",
                    "CATALOG_URL", catalogUrl, "BOOKING_URL", bookingUrl));
            CompletableFuture<Void> a = started("analytics-service", analytics, Map.of("PG_DATABASE", "analytics_test",
                    "CATALOG_URL", catalogUrl));
            CompletableFuture.allOf(c, b, s, a).join();
            post(catalogUrl + "/api/v1/admin/demo-data", "{\"instructors\": 6, \"seed\": 4343}");
            PlatformResource.catalogUrl = catalogUrl;
            PlatformResource.bookingUrl = bookingUrl;
            PlatformResource.searchUrl = "http://127.0.0.1:" + search;
            PlatformResource.analyticsUrl = "http://127.0.0.1:" + analytics;
            config.put("gateway.services.catalog.urls", catalogUrl);
            config.put("gateway.services.booking.urls", bookingUrl);
            config.put("gateway.services.search.urls", "http://127.0.0.1:" + search);
            config.put("gateway.services.analytics.urls", "http://127.0.0.1:" + analytics);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the services did not start for the gateway's tests", e);
        }
        config.put("gateway.admin.email", ADMIN_EMAIL);
        config.put("gateway.admin.password-hash", BcryptUtil.bcryptHash(ADMIN_PASSWORD, 6));
        return config;
    }

    private CompletableFuture<Void> started(String module, int port, Map<String, String> settings) {
        return CompletableFuture.runAsync(() -> {
            try {
                start(module, port, settings);
            } catch (Exception e) {
                throw new IllegalStateException(module + " did not start", e);
            }
        });
    }

    private void start(String module, int port, Map<String, String> settings) throws Exception {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B verify from the root)");
        }
        Path key = Path.of(getClass().getClassLoader().getResource("publicKey.pem").toURI());
        Path log = Path.of("target", module + "-for-gateway-tests.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx256m", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        int management = freePort(); // health and metrics: the management interface
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        env.put("QUARKUS_REDIS_HOSTS", "redis://" + System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("REDIS_PORT", "6379") + "/5"); // the gateway tests' database
        env.put("JWT_PUBLIC_KEY_LOCATION", key.toString());
        env.putAll(settings);
        Process process = builder.start();
        synchronized (processes) {
            processes.add(process);
        }
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
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
        throw new IllegalStateException(baseUrl + " not ready after 180 s");
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
