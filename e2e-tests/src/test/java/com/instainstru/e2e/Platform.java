package com.instainstru.e2e;

import com.instainstru.platform.test.MailDev;
import com.instainstru.platform.test.ServiceJvm;
import com.instainstru.platform.test.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The whole platform for the end-to-end tests: the six jars this build packaged, each a JVM process
 * on its own port (gateway 29080, catalog 29081, search 29082, booking 29083, analytics 29084, notification 29085,
 * their health on the management ports 29180-29185 — all below Linux's ephemeral range 32768–60999, so that no
 * process's outgoing connection can be holding one when its service binds it; {@code -De2e.base-port}
 * moves them), against the databases {@code <service>_e2e} and Redis
 * database 6, which are emptied first so that every run starts from nothing. The gateway signs
 * tokens with the test private key of platform-test; the services verify them with the JWK set the gateway
 * publishes ({@code /api/v1/auth/jwks}), as in Kubernetes.
 * notification-service sends to a MailDev of the run's own ({@link #inbox()}).
 *
 * <p>A JUnit extension: started once for every test class that registers it (the first one starts it),
 * stopped when the test run ends (also when tests fail, and by a shutdown hook if the JVM is killed).
 * The logs stay in {@code target/e2e-logs}; when a test failed, the end of each is printed.
 */
final class Platform implements BeforeAllCallback, TestWatcher, ExtensionContext.Store.CloseableResource {

    /** The one platform of this test run, whichever class registers it. */
    private static final Platform SHARED = new Platform();

    static Platform shared() {
        return SHARED;
    }


    static final int REDIS_DATABASE = 6;
    /** The administrator the gateway creates from its configuration (admins never sign up) ... */
    static final String ADMIN_EMAIL = "admin@e2e.instainstru.test";
    static final String ADMIN_PASSWORD = "e2e-admin-password-0";
    /** ... which holds only the bcrypt hash of the password, as Python's crypt makes it for up.sh ($2b$, cost 4). */
    private static final String ADMIN_PASSWORD_HASH = "$2b$04$tAIG19mIu.9iYt8cB7gqm.aTegmG.0RjmLJoeVYR9gu8AThKwBy.6";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final int LOG_LINES_ON_FAILURE = 60;

    private final int basePort = Integer.getInteger("e2e.base-port", 29080);
    /** Where each service's management interface answers (health, /q/metrics), by module. */
    private final Map<String, String> managementUrls = new HashMap<>();
    private final ServiceJvm gateway = service("gateway", 0);
    private final ServiceJvm catalog = service("catalog-service", 1);
    private final ServiceJvm search = service("search-service", 2);
    private final ServiceJvm booking = service("booking-service", 3);
    private final ServiceJvm analytics = service("analytics-service", 4);
    private final ServiceJvm notification = service("notification-service", 5);
    private final List<ServiceJvm> services = List.of(catalog, booking, search, analytics, notification, gateway);
    /** The SMTP inbox notification-service sends to: a MailDev of this run's own. */
    private MailDev inbox;
    private final Thread stopOnExit = new Thread(this::stopAll, "e2e-platform-stop");
    private boolean failed;
    private boolean started;
    private Throwable startFailure;
    private boolean stopped;

    private Platform() {
        services.forEach(service -> service.env(environment(service)));
    }

    /** The n-th service of the platform on its port (the base port + n) and management port (+ 100). */
    private ServiceJvm service(String module, int n) {
        managementUrls.put(module, "http://127.0.0.1:" + (basePort + 100 + n));
        return new ServiceJvm(module, basePort + n, basePort + 100 + n, Path.of("target", "e2e-logs", module + ".log"))
                .heap("384m");
    }

    /** The management interface of a service ({@code /q/metrics}); only the observability test goes there. */
    String managementUrl(String module) {
        return managementUrls.get(module);
    }

    /** The module names of the five services. */
    List<String> modules() {
        return services.stream().map(ServiceJvm::module).toList();
    }

    /** Where clients go: the only address the journey uses. */
    String gatewayUrl() {
        return gateway.baseUrl();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (started) {
            if (startFailure != null) {
                throw new IllegalStateException("the platform did not start for an earlier test class", startFailure);
            }
            return;
        }
        started = true;
        // Stopped when the whole run ends, after every class that uses it.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Platform.class.getName(), this);
        for (String database : List.of("catalog_e2e", "search_e2e", "booking_e2e", "analytics_e2e", "gateway_e2e",
                "notification_e2e")) {
            Infrastructure.emptyDatabase(database);
        }
        Infrastructure.flushRedis(REDIS_DATABASE);
        // A test JVM killed mid-run must not leave five services behind.
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            inbox = MailDev.start();
            notification.env(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(inbox.smtpPort())));
            ServiceJvm.startAll(services, READY_TIMEOUT);
        } catch (Exception | AssertionError e) {
            failed = true;
            startFailure = e;
            close();
            throw e;
        }
    }

    /** Stops one service (SIGTERM), as an operator or a crash would; {@link #start} brings it back. */
    synchronized void stop(String module) {
        service(module).stop();
    }

    /**
     * Another search-service JVM (a pod) on free ports with search's environment: the same database, Redis and
     * consumer group; not stopped by the platform (its test stops it). Entries a dead pod left pending are taken
     * over after {@code reclaimIdle}.
     */
    ServiceJvm searchReplica(String reclaimIdle) {
        return ServiceJvm.onFreePorts("search-service").heap("384m").env(environment(search))
                .env("STREAMS_RECLAIM_IDLE", reclaimIdle);
    }

    /** Where search-service's own API answers (no gateway): the replicas' answers are compared with it. */
    String searchUrl() {
        return search.baseUrl();
    }

    /** Starts a stopped service again with the environment it had, and waits until it is ready. */
    synchronized void start(String module) throws Exception {
        ServiceJvm service = service(module);
        service.start();
        service.awaitReady(READY_TIMEOUT);
    }

    /** The MailDev notification-service sends to. */
    MailDev inbox() {
        return inbox;
    }

    /**
     * Another notification-service process on the platform's database, Redis and inbox (free ports), with the extra
     * environment (e.g. {@code CLOCK_OFFSET}); not started.
     */
    ServiceJvm anotherNotificationService(Map<String, String> extra) {
        ServiceJvm another = ServiceJvm.onFreePorts("notification-service").heap("256m");
        another.env(environment(another)).env(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT",
                Integer.toString(inbox.smtpPort()))).env(extra);
        return another;
    }

    /**
     * Another gateway process (a second pod) on free ports with the gateway's environment and the extra one (e.g.
     * {@code SEARCH_URLS}); not started, not stopped by the platform.
     */
    ServiceJvm anotherGateway(Map<String, String> extra) {
        ServiceJvm another = ServiceJvm.onFreePorts("gateway").heap("384m");
        another.env(environment(another)).env(extra);
        return another;
    }

    private ServiceJvm service(String module) {
        return services.stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return; // a failed start already stopped everything
        }
        stopped = true;
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the hook runs anyway
        }
        if (failed) {
            for (ServiceJvm service : services) {
                System.err.printf("%n===== last %d lines of %s =====%n%s%n", LOG_LINES_ON_FAILURE, service.log(),
                        service.tail(LOG_LINES_ON_FAILURE));
            }
        }
    }

    private void stopAll() {
        // The gateway first (no new requests), then the services in parallel.
        gateway.stop();
        ServiceJvm.stopAll(List.of(catalog, booking, search, analytics, notification));
        if (inbox != null) {
            inbox.close();
        }
    }

    private Map<String, String> environment(ServiceJvm service) {
        Map<String, String> env = new HashMap<>();
        env.put("PG_HOST", Infrastructure.PG_HOST);
        env.put("PG_PORT", Infrastructure.PG_PORT);
        env.put("PG_USER", Infrastructure.PG_USER);
        env.put("PG_PASSWORD", Infrastructure.PG_PASSWORD);
        env.put("PG_DATABASE", service.module().replace("-service", "") + "_e2e");
        env.put("QUARKUS_REDIS_HOSTS", Infrastructure.redisUrl(REDIS_DATABASE));
        env.put("CATALOG_URL", catalog.baseUrl());
        env.put("BOOKING_URL", booking.baseUrl());
        env.put("SEARCH_URL", search.baseUrl());
        env.put("ANALYTICS_URL", analytics.baseUrl());
        env.put("NOTIFICATION_URL", notification.baseUrl());
        env.put("PUBLIC_BASE_URL", gateway.baseUrl());
        // Traces go to the test's OTLP receiver; as in production, only a sampled caller's requests are recorded
        // (ObservabilityTest sends one), so the other tests' requests cost nothing.
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", SpanReceiver.shared().url());
        env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        env.put("OTEL_TRACES_SAMPLER", "parentbased_always_off");
        env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "PT0.2S");
        switch (service.module()) {
            // Repeated queries are answered from memory for 10 s in production; the journey asks again until
            // the instructor shows, so a second is enough here.
            case "search-service" -> env.put("SEARCH_RESULTS_CACHE_TTL", "PT1S");
            // Jobs run when the journey asks, never by the clock.
            case "analytics-service" -> {
                env.put("ANALYTICS_JOBS_SERVICE_ANALYTICS_CRON", "off");
                env.put("ANALYTICS_JOBS_DAILY_REPORT_CRON", "off");
            }
            case "gateway" -> {
                env.put("JWT_PRIVATE_KEY_LOCATION", Tokens.privateKeyFile().toString());
                env.put("GATEWAY_ADMIN_EMAIL", ADMIN_EMAIL);
                env.put("GATEWAY_ADMIN_PASSWORD_HASH", ADMIN_PASSWORD_HASH);
                // Every account of the whole run signs up and in from one address (127.0.0.1): the per-address
                // limits of production (10 sign-ups, 20 logins a window) would refuse the later tests.
                env.put("GATEWAY_RATE_LIMIT_REGISTER_PER_IP", "100000");
                env.put("GATEWAY_RATE_LIMIT_LOGIN_PER_IP", "100000");
            }
            default -> {
            }
        }
        if (!service.module().equals("gateway")) {
            // As in Kubernetes: the services verify tokens with the keys the gateway publishes (a JWK set).
            env.put("JWT_PUBLIC_KEY_LOCATION", gateway.baseUrl() + "/api/v1/auth/jwks");
        }
        return env;
    }
}
