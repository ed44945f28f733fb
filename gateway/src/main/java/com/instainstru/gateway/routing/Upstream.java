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
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** One service behind the gateway: its instances (taken in turn) and the circuit breaker all calls to it share. */
public final class Upstream {

    private final String name;
    private final List<SocketAddress> instances;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final TypedGuard<CompletionStage<Object>> breaker;
    private final AtomicInteger next = new AtomicInteger();

    /** Methods whose request may be sent again to another instance. */
    private static final Set<HttpMethod> REPEATABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Answers of an instance that did not serve the request (it may be stopping): another instance is asked. */
    private static final Set<Integer> UNSERVED = Set.of(502, 503, 504);

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

    /** A request to the instance of the given turn; {@code timeout} bounds every wait for the answer. */
    private Future<HttpClientRequest> open(HttpClient client, int turn, HttpMethod method, String uri, Duration timeout) {
        SocketAddress instance = instances.get(Math.floorMod(turn, instances.size()));
        return client.request(new RequestOptions().setServer(instance).setHost(instance.host()).setPort(instance.port())
                .setMethod(method).setURI(uri)
                .setConnectTimeout(connectTimeout.toMillis()).setIdleTimeout(timeout.toMillis()));
    }

    /**
     * One exchange with the service, starting at the next instance in turn and moving on to the following one
     * (each instance at most once) when this one cannot serve it, as while a pod is replaced in a rolling update:
     * an instance that cannot be connected to is skipped for any method (nothing was sent); for a method that may
     * be repeated (GET, HEAD, OPTIONS) so is an instance whose exchange fails or that answers 502, 503 (a Quarkus
     * that is shutting down answers new requests so) or 504. The last instance's outcome is the answer.
     *
     * @param exchange sends the request and gives its answer
     * @param status the HTTP status of an answer
     * @param discard frees an answer that is not used (another instance is asked)
     */
    public <T> Future<T> exchange(HttpClient client, HttpMethod method, String uri, Duration timeout,
            Function<HttpClientRequest, Future<T>> exchange, ToIntFunction<T> status, Consumer<T> discard) {
        return attempt(client, method, uri, timeout, exchange, status, discard, next.getAndIncrement(), 0);
    }

    private <T> Future<T> attempt(HttpClient client, HttpMethod method, String uri, Duration timeout,
            Function<HttpClientRequest, Future<T>> exchange, ToIntFunction<T> status, Consumer<T> discard, int first,
            int tried) {
        boolean another = tried + 1 < instances.size();
        return open(client, first + tried, method, uri, timeout).<T>transform(opened -> {
            if (opened.failed()) {
                return another ? attempt(client, method, uri, timeout, exchange, status, discard, first, tried + 1)
                        : Future.<T>failedFuture(opened.cause());
            }
            return exchange.apply(opened.result()).<T>transform(done -> {
                boolean served = done.succeeded() && !UNSERVED.contains(status.applyAsInt(done.result()));
                if (served || !another || !REPEATABLE.contains(method)) {
                    return done.succeeded() ? Future.succeededFuture(done.result()) : Future.<T>failedFuture(done.cause());
                }
                if (done.succeeded()) {
                    discard.accept(done.result());
                }
                return attempt(client, method, uri, timeout, exchange, status, discard, first, tried + 1);
            });
        });
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
