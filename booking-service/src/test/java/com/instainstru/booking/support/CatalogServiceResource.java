package com.instainstru.booking.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real catalog-service for booking's tests: the jar the same build packaged (catalog-service
 * comes first in the reactor), on a free port, against catalog_test, publishing its catalog-events
 * into the Redis database booking's tests read (with its own cache prefix), trusting the test key pair.
 */
public class CatalogServiceResource implements QuarkusTestResourceLifecycleManager {

    private static String baseUrl;
    private Process process;

    public static String baseUrl() {
        return baseUrl;
    }

    @Override
    public Map<String, String> start() {
        Path jar = Path.of("..", "catalog-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build catalog-service first "
                    + "(mvn -B verify from the root, or mvn -pl catalog-service package -DskipTests)");
        }
        int port = freePort();
        baseUrl = "http://127.0.0.1:" + port;
        try {
            Path key = Path.of(getClass().getClassLoader().getResource("publicKey.pem").toURI());
            Path log = Path.of("target", "catalog-service-for-tests.log");
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            int management = freePort(); // health and metrics: the management interface
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
            env.put("PG_DATABASE", System.getenv().getOrDefault("PG_CATALOG_TEST_DATABASE", "catalog_test"));
            env.put("QUARKUS_REDIS_HOSTS", "redis://" + System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1") + ":"
                    + System.getenv().getOrDefault("REDIS_PORT", "6379") + "/1"); // the database booking's tests read
            env.put("CATALOG_CACHE_PREFIX", "catalog-for-booking-tests:");
            env.put("JWT_PUBLIC_KEY_LOCATION", key.toString());
            env.put("BOOKING_URL", "http://127.0.0.1:1");
            process = builder.start();
            waitUntilReady(port, management, log);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("catalog-service did not start for the tests", e);
        }
        return Map.of("quarkus.rest-client.catalog.url", baseUrl);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void waitUntilReady(int port, int management, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("catalog-service exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + management + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("catalog-service not ready on port " + port + " after 90 s");
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
