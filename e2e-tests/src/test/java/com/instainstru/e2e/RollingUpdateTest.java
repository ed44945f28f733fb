package com.instainstru.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.instainstru.platform.test.ServiceJvm;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rolling update of search-service under load: two search pods behind a gateway of their own, clients searching
 * through it all the time (the JSON API and the HTML results page), and each pod in turn stopped as Kubernetes
 * stops one (SIGTERM: Quarkus answers new requests 503 and finishes those in flight) and started again. The gateway
 * sends a request that a stopping or stopped pod cannot serve to the other pod: not one request fails.
 */
class RollingUpdateTest {

    @RegisterExtension
    static final Platform PLATFORM = Platform.shared();

    private static final Duration READY = Duration.ofMinutes(4);
    private static final List<String> QUERIES = List.of("piano lessons", "guitar lessons tomorrow evening",
            "spanish lessons under $60", "yoga near park slope", "math tutoring online", "violin for beginners");
    private static final int CLIENTS = 8;
    /** A client's pause between two requests: about 6 a second each, 50 in all. */
    private static final long PAUSE_MS = 150;

    @Test
    void replacingEachSearchPodInTurnUnderLoadDropsNoRequest() throws Exception {
        ServiceJvm first = PLATFORM.searchReplica("PT5S");
        ServiceJvm second = PLATFORM.searchReplica("PT5S");
        // Each client comes from an address of its own (the gateway believes X-Forwarded-For from loopback), so the
        // load counts against no limit the other tests' clients (all 127.0.0.1) share; each keeps within the limits
        // of one client (search's own: 10 a second per pod), even when one pod serves it alone.
        ServiceJvm gateway = PLATFORM.anotherGateway(Map.of("SEARCH_URLS", first.baseUrl() + "," + second.baseUrl(),
                "GATEWAY_BEHIND_PROXY", "true"));
        Load load = new Load(gateway.baseUrl());
        try {
            ServiceJvm.startAll(List.of(first, second, gateway), READY);
            load.start();
            awaitServed(load, 100);

            for (ServiceJvm pod : List.of(first, second)) {
                pod.stop(); // SIGTERM; returns once the JVM has exited
                long whileOneIsDown = load.served();
                awaitServed(load, whileOneIsDown + 50); // the other pod serves everything alone
                pod.start();
                pod.awaitReady(READY);
                awaitServed(load, load.served() + 100); // and both again
            }
        } finally {
            load.stop();
            ServiceJvm.stopAll(List.of(gateway, first, second));
        }
        assertThat(load.failures()).as("requests that failed during the rolling update").isEmpty();
        assertThat(load.served()).isGreaterThan(400);
        assertThat(load.kinds()).containsOnlyKeys("api", "page").allSatisfy((kind, n) -> assertThat(n).isGreaterThan(50));
    }

    private static void awaitServed(Load load, long n) {
        await("requests served: " + n).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> load.served() >= n || !load.failures().isEmpty());
    }

    /** Clients asking one after another, alternating the JSON search and the HTML results page; every answer checked. */
    private static final class Load {

        private final String gateway;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong served = new AtomicLong();
        private final Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> threads = new ArrayList<>();

        Load(String gateway) {
            this.gateway = gateway;
        }

        void start() {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread thread = new Thread(() -> run(client), "load-" + c);
                thread.start();
                threads.add(thread);
            }
        }

        private void run(int client) {
            for (long n = client; running.get(); n++) {
                String q = URLEncoder.encode(QUERIES.get((int) (n % QUERIES.size())), StandardCharsets.UTF_8);
                boolean page = n % 2 == 0;
                String kind = page ? "page" : "api";
                URI uri = URI.create(gateway + (page ? "/search?q=" : "/api/v1/search?q=") + q);
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                            .header("Accept", page ? "text/html" : "application/json")
                            .header("X-Forwarded-For", "203.0.113." + (client + 1)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    boolean right = response.statusCode() == 200
                            && response.body().contains(page ? "</html>" : "\"results\"");
                    if (!right) {
                        failures.add(kind + " " + uri + " answered " + response.statusCode() + ": "
                                + response.body().substring(0, Math.min(300, response.body().length())));
                    }
                } catch (Exception e) {
                    failures.add(kind + " " + uri + " failed: " + e);
                }
                served.incrementAndGet();
                kinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                try {
                    Thread.sleep(PAUSE_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }

        long served() {
            return served.get();
        }

        List<String> failures() {
            synchronized (failures) {
                return List.copyOf(failures);
            }
        }

        Map<String, Long> kinds() {
            Map<String, Long> copy = new ConcurrentHashMap<>();
            kinds.forEach((k, v) -> copy.put(k, v.get()));
            return copy;
        }
    }
}
