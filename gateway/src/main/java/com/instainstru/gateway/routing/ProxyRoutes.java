package com.instainstru.gateway.routing;

import com.instainstru.gateway.infra.ApiAccessFilter;
import com.instainstru.gateway.infra.GatewayConfig;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.problem.ProblemMappers;
import com.instainstru.platform.problem.Problems;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Passes the routes of {@link RouteTable} to their services, streaming both ways with Vert.x's HTTP
 * proxy. The gateway decides first: no route (404/405), no token where one is needed (401), a
 * role that may not (403). A service that cannot be reached, does not answer within the route's
 * timeout, or whose circuit breaker is open gives a 503 problem.
 */
@ApplicationScoped
public class ProxyRoutes {

    /** Statuses of the service's answer that count as its failure (for the breaker) and become a 503. */
    private static final Set<Integer> FAILED = Set.of(502, 504);
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    Upstreams upstreams;

    @Inject
    Problems problems;

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    GatewayAssertion assertion;

    void register(@Observes Router router) {
        for (String prefix : RouteTable.prefixes()) {
            router.route(prefix).handler(this::handle);
            router.route(prefix + "/*").handler(this::handle);
        }
    }

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        RouteTable.Match match = RouteTable.match(rc.request().method().name(), path);
        if (match.route() == null) {
            problems.send(rc, ProblemMappers.httpError(match.allowed().isEmpty() ? 404 : 405, path));
            return;
        }
        Route route = match.route();
        ApiException refused = refusal(route.access(), rc.get(ApiAccessFilter.TOKEN));
        if (refused != null) {
            problems.send(rc, refused);
            return;
        }
        proxy(rc, route, path);
    }

    private static ApiException refusal(Access access, JsonWebToken token) {
        if (!access.needsToken()) {
            return null;
        }
        if (token == null) {
            return ApiException.unauthorized("a valid bearer token is required");
        }
        return access.allows(token.getGroups()) ? null : ApiException.forbidden("your role may not do this");
    }

    /**
     * Reads the client's body whole before the service is asked (bodies are small: at most
     * quarkus.http.limits.max-body-size, the same in every service; the platform refuses a larger declared one and
     * reads a streamed one itself, up to the limit), so the service's timeout starts only once the body is in.
     * A client that does not finish sending its body in {@code gateway.request-body-timeout} gets a
     * 408 and its connection closed; a client that hangs up mid-body is simply dropped. Neither ever
     * reaches the service or its circuit breaker: a client's slowness is not the service's failure.
     */
    private void proxy(RoutingContext rc, Route route, String path) {
        HttpServerRequest client = rc.request();
        if (!hasBody(client)) {
            forward(rc, route, path, null);
            return;
        }
        if (rc.body().available()) {
            forward(rc, route, path, rc.body().buffer()); // a streamed body: read and limited by the platform
            return;
        }
        long timer = vertx.setTimer(config.requestBodyTimeout().toMillis(), id -> {
            Log.debugf("%s %s: the client's body did not arrive in time", client.method(), path);
            problems.send(rc, new ApiException(408, "http-408", "Request Timeout",
                    "the request body did not arrive within " + config.requestBodyTimeout().toSeconds() + " s", null));
            client.connection().close();
        });
        client.body().onComplete(body -> {
            if (!vertx.cancelTimer(timer) || rc.response().ended()) {
                return; // timed out: already answered 408
            }
            if (body.failed()) {
                client.connection().close(); // the client hung up or sent a broken body: nobody to answer
                return;
            }
            forward(rc, route, path, body.result());
        });
        client.resume(); // paused by the access filter while the limits were counted
    }

    /**
     * A service names what it created at the address it was asked on, its own host and port inside the platform;
     * the client asked the gateway (or the proxy in front of it: with {@code GATEWAY_BEHIND_PROXY} the request's
     * absolute URI is the forwarded one). An absolute {@code Location} is put on the client's scheme and host; its
     * path is the gateway's too, since the gateway routes by the services' paths.
     */
    static void publicLocation(RoutingContext rc, ProxyResponse response) {
        String location = response.headers().get(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        try {
            URI named = URI.create(location);
            if (!named.isAbsolute()) {
                return;
            }
            URI asked = URI.create(rc.request().absoluteURI());
            response.headers().set(HttpHeaders.LOCATION, new URI(asked.getScheme(), asked.getRawAuthority(),
                    null, null, null).toString() + named.getRawPath()
                    + (named.getRawQuery() == null ? "" : "?" + named.getRawQuery()));
        } catch (IllegalArgumentException | URISyntaxException e) {
            Log.debugf("Left a Location the gateway could not read as it was: %s", location);
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !"0".equals(length.trim()) : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private void forward(RoutingContext rc, Route route, String path, Buffer body) {
        Upstream upstream = upstreams.get(route.service());
        Duration timeout = upstreams.timeout(route);
        String query = rc.request().query();
        // The normalised path is the one the route was chosen for; it is also the one the service sees.
        String uri = query == null ? path : path + "?" + query;
        ProxyRequest request = ProxyRequest.reverseProxy(rc.request());
        request.setURI(uri);
        if (body != null) {
            request.headers().remove(HttpHeaders.TRANSFER_ENCODING);
            request.setBody(Body.body(body));
        }
        // The service limits its expensive reads per client: it learns the client's address from the gateway only.
        request.headers().set(FORWARDED_FOR, rc.request().remoteAddress().hostAddress());
        request.headers().set(GatewayAssertion.HEADER, assertion.current());
        // The caller's trace context is the parent of the gateway's server span; the service gets the context of the
        // gateway's own client span, which OpenTelemetry's tracer adds to the call (not a second traceparent).
        request.headers().remove("traceparent");
        request.headers().remove("tracestate");
        HttpMethod method = rc.request().method();
        if (body == null) {
            request.setBody(null); // nothing to stream: the request can be sent again, to another instance
        }
        Future<ProxyResponse> answer = upstream.guarded(() -> upstream.exchange(upstreams.client(), method, uri, timeout,
                        request::send, ProxyResponse::getStatusCode, ProxyResponse::release)
                .compose(response -> {
                    if (FAILED.contains(response.getStatusCode())) {
                        response.release();
                        return Future.failedFuture(new IllegalStateException("answered " + response.getStatusCode()));
                    }
                    return Future.succeededFuture(response);
                })
                // A client that hung up is not the service's failure: it must not open the breaker.
                .recover(error -> rc.response().closed() ? Future.succeededFuture(null) : Future.failedFuture(error)));
        answer.onSuccess(response -> {
                    if (response == null) {
                        request.release();
                        return;
                    }
                    publicLocation(rc, response);
                    response.send().onFailure(error ->
                            Log.debugf("Proxied answer of %s cut short: %s", route.id(), error.toString()));
                })
                .onFailure(error -> {
                    Log.warnf("%s %s: %s did not answer (%s)", method, path, upstream.name(), error.toString());
                    request.release();
                    problems.send(rc, ApiException.unavailable("the " + upstream.name()
                            + " service is not answering right now; try again shortly"));
                });
    }
}
