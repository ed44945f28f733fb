package com.instainstru.search.support;

import com.instainstru.platform.test.LaunchedServices;
import com.instainstru.platform.test.ServiceJvm;
import io.quarkus.arc.Arc;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.Map;

/**
 * The real catalog-service and booking-service for search's rebuild test: the jars the same build
 * packaged, on free ports, against their test databases and the Redis database search's tests read (3),
 * with a little demo data loaded.
 */
public class PlatformResource extends LaunchedServices {

    /** Where the catalog-service started here keeps its cached answers (in search's test Redis database). */
    static final String CATALOG_CACHE_PREFIX = "catalog-for-search-tests:";
    private static final int REDIS_DATABASE = 3;
    private static String catalogUrl;
    private static String bookingUrl;

    public static String catalogUrl() {
        return catalogUrl;
    }

    public static String bookingUrl() {
        return bookingUrl;
    }

    @Override
    public Map<String, String> start() {
        ServiceJvm catalog = ServiceJvm.onFreePorts("catalog-service");
        ServiceJvm booking = ServiceJvm.onFreePorts("booking-service");
        catalog.env(Map.of("PG_DATABASE", "catalog_test", "QUARKUS_REDIS_HOSTS", redisUrl(REDIS_DATABASE),
                "CATALOG_CACHE_PREFIX", CATALOG_CACHE_PREFIX, "DEMO_DATA_ENABLED", "true",
                "BOOKING_URL", booking.baseUrl()));
        booking.env(Map.of("PG_DATABASE", "booking_test", "QUARKUS_REDIS_HOSTS", redisUrl(REDIS_DATABASE),
                "CATALOG_URL", catalog.baseUrl(), "DEMO_DATA_ENABLED", "true"));
        launch(catalog, booking);
        catalogUrl = catalog.baseUrl();
        bookingUrl = booking.baseUrl();
        try {
            postAsAdmin(catalogUrl + "/api/v1/admin/demo-data", "{\"instructors\": 12, \"seed\": 4242}");
            postAsAdmin(bookingUrl + "/api/v1/admin/demo-data", "{\"days\": 14, \"bookings\": 10}");
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the demo data did not load for the tests", e);
        }
        return Map.of("quarkus.rest-client.catalog.url", catalogUrl, "quarkus.rest-client.booking.url", bookingUrl);
    }

    /** Drops catalog-service's cached answers, as their time to live would. */
    public static void expireCatalogCache() {
        Redis redis = Arc.container().instance(Redis.class).get();
        String cursor = "0";
        do {
            Response page = redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(CATALOG_CACHE_PREFIX + "*")
                    .arg("COUNT").arg(1000)).await().atMost(Duration.ofSeconds(5));
            cursor = page.get(0).toString();
            for (Response key : page.get(1)) {
                redis.send(Request.cmd(Command.DEL).arg(key.toString())).await().atMost(Duration.ofSeconds(5));
            }
        } while (!"0".equals(cursor));
    }
}
