package com.instainstru.platform.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test resource made of sibling services' JVMs ({@link ServiceJvm}): a subclass launches them in
 * {@code start()}, they are stopped with the resource. They use the local PostgreSQL and Redis of
 * deploy/local/infra.sh (the PG_* and REDIS_* variables this JVM has), each against its test database.
 */
public abstract class LaunchedServices implements QuarkusTestResourceLifecycleManager {

    /** Four JVMs starting at once on two busy cores take their time. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final List<ServiceJvm> launched = new CopyOnWriteArrayList<>();

    /** Starts these services at once and waits until each is ready; if one fails, stops them all. */
    protected void launch(ServiceJvm... jvms) {
        launched.addAll(List.of(jvms));
        try {
            ServiceJvm.startAll(List.of(jvms), READY_TIMEOUT);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stop();
            throw new IllegalStateException("the services " + List.of(jvms) + " did not start for the tests", e);
        }
    }

    @Override
    public void stop() {
        ServiceJvm.stopAll(launched);
        launched.clear();
    }

    /** A database of the local Redis (REDIS_HOST, REDIS_PORT), as a {@code quarkus.redis.hosts} URL. */
    protected static String redisUrl(int database) {
        return "redis://" + env("REDIS_HOST", "127.0.0.1") + ":" + env("REDIS_PORT", "6379") + "/" + database;
    }

    /** POSTs JSON as an admin; fails unless the answer is a 2xx. */
    protected static void postAsAdmin(String url, String json) throws Exception {
        String admin = Tokens.token(UUID.randomUUID(), "admin");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    protected static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
