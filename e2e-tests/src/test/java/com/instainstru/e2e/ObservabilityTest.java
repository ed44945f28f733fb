package com.instainstru.e2e;

import static com.instainstru.e2e.Api.EVENTUALLY;
import static com.instainstru.e2e.Api.gateway;
import static com.instainstru.e2e.Api.logIn;
import static com.instainstru.e2e.Api.signUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.instainstru.e2e.Api.User;
import com.instainstru.e2e.SpanReceiver.Kind;
import com.instainstru.e2e.SpanReceiver.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator sees of the running platform: one trace from the gateway through a service and on across the
 * Redis streams into every consumer of the event (exported over OTLP to the test's receiver), and every metric the
 * alert rules and the Grafana dashboard read (deploy/kubernetes/monitoring/metrics-used.txt) served by a service.
 */
class ObservabilityTest {

    @RegisterExtension
    static final Platform PLATFORM = Platform.shared();

    private static final Path METRICS_USED = Path.of("..", "deploy", "kubernetes", "monitoring", "metrics-used.txt");
    /** Not the services': CloudNativePG's exporter, and Prometheus's own series. */
    private static final Set<String> NOT_FROM_SERVICES = Set.of("up", "cnpg_backends_total", "cnpg_pg_settings_setting");

    @Test
    void oneTraceRunsFromTheGatewayThroughCatalogAndAcrossTheStreamIntoEachConsumer() {
        User instructor = signUp("instructor", "Tess Ray");
        HexFormat hex = HexFormat.of();
        SecureRandom random = new SecureRandom();
        String traceId = hex.formatHex(bytes(random, 16));
        String callerSpan = hex.formatHex(bytes(random, 8));

        // A sampled caller (as a tracing ingress or a browser agent would be): its profile change is an event on
        // catalog-events, which search, booking and analytics each apply.
        gateway(instructor.token()).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("name", "Tess Ray", "bio", "Tess has taught the cello for nine years.", "yearsExperience", 9,
                        "timeZone", "America/New_York", "areas", List.of("Park Slope"), "teachesOnline", true,
                        "teachesAtStudio", false, "travelsToStudents", false))
                .put("/api/v1/instructors/me").then().statusCode(200);

        List<Span> spans = await("the trace's spans from the gateway, catalog and the three consumers")
                .atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> SpanReceiver.shared().trace(traceId), trace -> consumers(trace).stream()
                        .map(Span::service).distinct().count() == 3
                        && trace.stream().anyMatch(s -> s.service().equals("catalog-service") && s.kind() == Kind.SERVER));

        Span gatewayServer = only(spans, "gateway", Kind.SERVER);
        assertThat(gatewayServer.parentSpanId()).as("the gateway continues the caller's trace").isEqualTo(callerSpan);
        Span catalogServer = only(spans, "catalog-service", Kind.SERVER);
        Span gatewayClient = spans.stream()
                .filter(s -> s.service().equals("gateway") && s.kind() == Kind.CLIENT && s.name().equals("PUT"))
                .findFirst().orElseThrow(() -> new AssertionError("the gateway's proxy made no client span: " + spans));
        assertThat(catalogServer.parentSpanId()).as("catalog's span is a child of the gateway's call, not of the caller's span")
                .isEqualTo(gatewayClient.spanId());
        Set<String> catalogSpans = spans.stream().filter(s -> s.service().equals("catalog-service")).map(Span::spanId)
                .collect(Collectors.toSet());
        for (Span consumer : consumers(spans)) {
            assertThat(consumer.name()).isEqualTo("catalog-events process");
            assertThat(catalogSpans).as(consumer.service() + "'s consumer span is a child of the change in catalog")
                    .contains(consumer.parentSpanId());
        }
        assertThat(consumers(spans).stream().map(Span::service).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("search-service", "booking-service", "analytics-service");
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsServed() throws IOException {
        // Some series appear with their first use: a catalog read, a search, a booking refused, an analytics run.
        gateway(null).get("/api/v1/catalog/categories").then().statusCode(200);
        gateway(null).queryParam("q", "piano lessons tomorrow").get("/api/v1/search").then().statusCode(200);
        User student = signUp("student", "Ola Berg");
        gateway(student.token()).body(Map.of("instructorId", "00000000-0000-4000-8000-000000000001",
                        "instructorServiceId", "00000000-0000-4000-8000-000000000002",
                        "startTime", "2030-01-07T15:00:00Z", "durationMinutes", 60, "locationType", "online"))
                .post("/api/v1/bookings").then().statusCode(400); // no such instructor: refused, reason validation
        User admin = logIn(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
        String runId = gateway(admin.token()).post("/api/v1/analytics/jobs/service-analytics/runs").then()
                .statusCode(202).extract().path("id");
        await("the analytics run").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> gateway(admin.token()).get("/api/v1/analytics/jobs/service-analytics/runs/" + runId)
                        .then().statusCode(200).extract().<String>path("status"), s -> !"running".equals(s));

        Set<String> wanted = Files.readAllLines(METRICS_USED).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !NOT_FROM_SERVICES.contains(l))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(wanted).as("metrics-used.txt").hasSizeGreaterThan(10);
        // The gauges of the outboxes and consumers are read every 15 s; the first read comes within 3 s of the start.
        Map<String, Set<String>> served = await("every listed metric served").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(ObservabilityTest::servedByService, byService -> missing(wanted, byService).isEmpty());
        assertThat(missing(wanted, served)).isEmpty();
        // And the values that matter are numbers, not NaN: the consumers' lag and the outboxes' backlog.
        assertThat(sample("search-service", "streams_consumer_lag{stream=\"catalog-events\"")).isNotNaN();
        assertThat(sample("catalog-service", "outbox_oldest_pending_age_seconds{stream=\"catalog-events\"")).isNotNaN();
        assertThat(sample("booking-service", "bookings_refused_total{reason=\"validation\"")).isGreaterThanOrEqualTo(1);
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static List<Span> consumers(List<Span> trace) {
        return trace.stream().filter(s -> s.kind() == Kind.CONSUMER).toList();
    }

    private static Span only(List<Span> spans, String service, Kind kind) {
        List<Span> found = spans.stream().filter(s -> s.service().equals(service) && s.kind() == kind).toList();
        assertThat(found).as(service + " " + kind + " spans in " + spans).hasSize(1);
        return found.get(0);
    }

    private static Set<String> missing(Set<String> wanted, Map<String, Set<String>> served) {
        Set<String> missing = new TreeSet<>(wanted);
        served.values().forEach(missing::removeAll);
        return missing;
    }

    /** The metric names each service's /q/metrics has now. */
    private static Map<String, Set<String>> servedByService() {
        Map<String, Set<String>> served = new TreeMap<>();
        for (String module : PLATFORM.modules()) {
            served.put(module, scrape(module).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet()));
        }
        return served;
    }

    private static String scrape(String module) {
        return given().baseUri(PLATFORM.managementUrl(module)).get("/q/metrics").then().statusCode(200)
                .extract().asString();
    }

    /** The value of the first series of a service whose line starts with the selector's beginning. */
    private static double sample(String module, String start) {
        String line = scrape(module).lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError(module + " serves no " + start + "...}"));
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
