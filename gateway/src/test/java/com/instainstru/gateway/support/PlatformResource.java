package com.instainstru.gateway.support;

import com.instainstru.platform.test.LaunchedServices;
import com.instainstru.platform.test.ServiceJvm;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.util.Map;

/**
 * The real services behind the gateway for the authorization matrix: catalog-service, booking-service,
 * search-service, analytics-service and notification-service (its mail to a closed port: it is asked about
 * preferences only), the jars the same build packaged, on free ports, against their test
 * databases and Redis database 5 (the gateway's), with a little catalog demo data. The gateway also gets an
 * admin account from configuration.
 */
public class PlatformResource extends LaunchedServices {

    public static final String ADMIN_EMAIL = "matrix-admin@instainstru.test";
    public static final String ADMIN_PASSWORD = "the admin's long password";
    private static final int REDIS_DATABASE = 5;
    /** Base URLs of the services, for tests that call them directly (not through the gateway). */
    public static volatile String catalogUrl;
    public static volatile String bookingUrl;
    public static volatile String searchUrl;
    public static volatile String analyticsUrl;
    public static volatile String notificationUrl;

    @Override
    public Map<String, String> start() {
        ServiceJvm catalog = ServiceJvm.onFreePorts("catalog-service");
        ServiceJvm booking = ServiceJvm.onFreePorts("booking-service");
        ServiceJvm search = ServiceJvm.onFreePorts("search-service");
        ServiceJvm analytics = ServiceJvm.onFreePorts("analytics-service");
        ServiceJvm notification = ServiceJvm.onFreePorts("notification-service");
        notification.env(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", "1"));
        for (ServiceJvm service : new ServiceJvm[] {catalog, booking, search, analytics, notification}) {
            service.env(Map.of("QUARKUS_REDIS_HOSTS", redisUrl(REDIS_DATABASE), "CATALOG_URL", catalog.baseUrl(),
                    "BOOKING_URL", booking.baseUrl(),
                    "PG_DATABASE", service.module().replace("-service", "") + "_test"));
        }
        catalog.env(Map.of("CATALOG_CACHE_PREFIX", "catalog-for-gateway-tests:", "DEMO_DATA_ENABLED", "true"));
        launch(catalog, booking, search, analytics, notification);
        try {
            postAsAdmin(catalog.baseUrl() + "/api/v1/admin/demo-data", "{\"instructors\": 6, \"seed\": 4343}");
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the catalog's demo data did not load for the gateway's tests", e);
        }
        catalogUrl = catalog.baseUrl();
        bookingUrl = booking.baseUrl();
        searchUrl = search.baseUrl();
        analyticsUrl = analytics.baseUrl();
        notificationUrl = notification.baseUrl();
        return Map.of("gateway.services.catalog.urls", catalogUrl,
                "gateway.services.booking.urls", bookingUrl,
                "gateway.services.search.urls", searchUrl,
                "gateway.services.analytics.urls", analyticsUrl,
                "gateway.services.notification.urls", notificationUrl,
                "gateway.admin.email", ADMIN_EMAIL,
                "gateway.admin.password-hash", BcryptUtil.bcryptHash(ADMIN_PASSWORD, 6));
    }
}
