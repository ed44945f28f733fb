package com.instainstru.platform.test;

import java.util.Map;

/**
 * The real catalog-service for a service's tests (booking's, analytics'): the jar the same build packaged, on
 * free ports, against catalog_test ({@code PG_CATALOG_TEST_DATABASE}), publishing its catalog-events into the
 * Redis database the tests read, with a cache prefix of their own. A module's subclass names the tests and that
 * database; the tests reach the service at {@link #baseUrl()}, their application through
 * {@code quarkus.rest-client.catalog.url}.
 */
public abstract class CatalogServiceResource extends LaunchedServices {

    private static volatile String baseUrl;
    private final String tests;
    private final int redisDatabase;

    /** For the tests of {@code tests} (a short name), whose Redis database is {@code redisDatabase}. */
    protected CatalogServiceResource(String tests, int redisDatabase) {
        this.tests = tests;
        this.redisDatabase = redisDatabase;
    }

    public static String baseUrl() {
        return baseUrl;
    }

    @Override
    public Map<String, String> start() {
        ServiceJvm catalog = ServiceJvm.onFreePorts("catalog-service")
                .env("PG_DATABASE", env("PG_CATALOG_TEST_DATABASE", "catalog_test"))
                .env("QUARKUS_REDIS_HOSTS", redisUrl(redisDatabase))
                .env("CATALOG_CACHE_PREFIX", "catalog-for-" + tests + "-tests:")
                .env("BOOKING_URL", "http://127.0.0.1:1"); // never asked in these tests
        launch(catalog);
        baseUrl = catalog.baseUrl();
        return Map.of("quarkus.rest-client.catalog.url", baseUrl);
    }
}
