package com.instainstru.gateway.routing;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.util.TypeLiteral;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** One service behind the gateway: its instances (taken in turn) and the circuit breaker all calls to it share. */
public final class Upstream {

    private final String name;
    private final List<SocketAddress> instances;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final TypedGuard<CompletionStage<Object>> breaker;
    private final AtomicInteger next = new AtomicInteger();

    Upstream(String name, List<String> urls, Duration timeout, Duration connectTimeout, BreakerSettings settings) {
        this.name = name;
        this.instances = urls.stream().map(Upstream::address).toList();
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("gateway.services." + name + ".urls lists no instance");
        }
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
        this.breaker = TypedGuard.create(new TypeLiteral<CompletionStage<Object>>() { })
                .withDescription("calls to " + name)
                .withCircuitBreaker()
                .name("gateway-" + name)
                .requestVolumeThreshold(settings.requestVolume())
                .failureRatio(settings.failureRatio())
                .delay(settings.delay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .withThreadOffload(false)
                .build();
    }

    /** The breaker's settings, shared by every service. */
    record BreakerSettings(int requestVolume, double failureRatio, Duration delay) {
    }

    public String name() {
        return name;
    }

    public Duration timeout() {
        return timeout;
    }

    /** A request to the next instance in turn; {@code timeout} bounds every wait for the answer. */
    public Future<HttpClientRequest> open(HttpClient client, HttpMethod method, String uri, Duration timeout) {
        SocketAddress instance = instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
        return client.request(new RequestOptions().setServer(instance).setHost(instance.host()).setPort(instance.port())
                .setMethod(method).setURI(uri)
                .setConnectTimeout(connectTimeout.toMillis()).setIdleTimeout(timeout.toMillis()));
    }

    /**
     * Runs a call through this service's circuit breaker: a failed future counts as a failure; while the
     * breaker is open the call is not made and the future fails at once.
     */
    @SuppressWarnings("unchecked")
    public <T> Future<T> guarded(Supplier<Future<T>> call) {
        try {
            CompletionStage<Object> stage = breaker.get(() -> (CompletionStage<Object>) call.get().toCompletionStage());
            return Future.fromCompletionStage(stage).map(v -> (T) v);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private static SocketAddress address(String url) {
        URI uri = URI.create(url.trim());
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http://host:port URL: " + url);
        }
        return SocketAddress.inetSocketAddress(uri.getPort() < 0 ? 80 : uri.getPort(), uri.getHost());
    }
}
