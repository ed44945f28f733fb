package com.instainstru.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway's own calls to the services (homepage parts, instructor profiles), through the same
 * instances, timeouts and circuit breakers as the proxied requests.
 */
@ApplicationScoped
public class ServiceClient {

    @Inject
    Upstreams upstreams;

    /** A service's answer, read whole. */
    public record Answer(int status, Buffer body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Calls the service; fails when it cannot be reached, takes longer than {@code timeout}, answers
     * 5xx, or its breaker is open. Client errors (4xx) are answers, not failures.
     */
    public Future<Answer> call(String service, HttpMethod method, String uri, String bearer, Buffer body, Duration timeout) {
        return call(service, method, uri, bearer, body, timeout, Map.of());
    }

    /** The same, with more request headers (e.g. the web app's Idempotency-Key and X-Request-Id). */
    public Future<Answer> call(String service, HttpMethod method, String uri, String bearer, Buffer body, Duration timeout,
            Map<String, String> headers) {
        Upstream upstream = upstreams.get(service);
        return upstream.guarded(() -> upstream.exchange(upstreams.client(), method, uri, timeout, request -> {
            request.putHeader(HttpHeaders.ACCEPT, "application/json");
            headers.forEach(request::putHeader);
            if (bearer != null) {
                request.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
            }
            Future<io.vertx.core.http.HttpClientResponse> sent = body == null ? request.send()
                    : request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").send(body);
            return sent.compose(response -> response.body().map(b -> new Answer(response.statusCode(), b)));
        }, Answer::status, unused -> { }).compose(answer -> answer.status() >= 500
                ? Future.failedFuture(new IllegalStateException(service + " answered " + answer.status()))
                : Future.succeededFuture(answer)));
    }
}
