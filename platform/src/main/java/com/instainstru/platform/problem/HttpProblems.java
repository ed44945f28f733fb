package com.instainstru.platform.problem;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP layer's own refusals as problems, in every service and the gateway, before any endpoint runs:
 * a request line longer than {@code http-limits.request-line} (414), headers larger than
 * {@code http-limits.headers} (431), a {@code Content-Length} over {@code quarkus.http.limits.max-body-size}
 * (413, connection closed), a streamed body ({@code Transfer-Encoding: chunked}) read whole up to that limit before
 * any endpoint (past it a 413), and every failure or unmatched request the Vert.x router answers itself (400 for a
 * malformed request, 404, 405...). Quarkus REST would answer a streamed body past the limit with a bare 413. Vert.x's codec still answers a request line or headers
 * beyond its own ceilings ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}, set
 * well above these limits) with a bare status: Quarkus 3.33 has no hook for its invalid-request handler.
 */
@ApplicationScoped
public class HttpProblems {

    /** Before Quarkus's own body-size check (order -2) and every filter but the access log. */
    static final int ORDER = Integer.MIN_VALUE + 2;

    @Inject
    Problems problems;

    @Inject
    HttpLimits limits;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBody;

    private BodyHandler streamedBodies;

    void register(@Observes Router router) {
        streamedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes()).setDeleteUploadedFilesOnEnd(true);
        router.route().order(ORDER).handler(this::checkLimits);
        router.route().order(ORDER).failureHandler(this::failed);
        for (int status = 400; status < 600; status++) {
            int code = status;
            router.errorHandler(code, rc -> problems.send(rc, code == 500 ? internal() : ProblemMappers.httpError(code, path(rc))));
        }
    }

    /** The largest body this service or gateway accepts, in bytes (no limit: {@code Long.MAX_VALUE}). */
    public long maxBodyBytes() {
        return maxBody.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void checkLimits(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.method().name().length() + request.uri().length() + 10 > limits.requestLine()) {
            refuseAndClose(rc, 414);
        } else if (headerBytes(request.headers()) > limits.headers()) {
            refuseAndClose(rc, 431);
        } else if (declaredLength(request) > maxBodyBytes()) {
            refuseAndClose(rc, 413);
        } else if (streamed(request)) {
            request.resume();
            streamedBodies.handle(rc); // read whole up to the limit (then rc.body()), past it a failure with 413
        } else {
            rc.next();
        }
    }

    /** Ends the exchange with the status's problem and closes the connection (its body is never read). */
    public void refuseAndClose(RoutingContext rc, int status) {
        rc.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> rc.request().connection().close());
        problems.send(rc, ProblemMappers.httpError(status, path(rc)));
    }

    void failed(RoutingContext rc) {
        if (rc.response().ended()) {
            return;
        }
        if (rc.response().headWritten()) {
            rc.response().end();
            return;
        }
        problems.send(rc, problemOf(rc));
    }

    private ApiException problemOf(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure == null) {
            return rc.statusCode() >= 400 && rc.statusCode() != 500
                    ? ProblemMappers.httpError(rc.statusCode(), path(rc)) : internal();
        }
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof HttpException http && http.getStatusCode() < 500) {
            return ProblemMappers.httpError(http.getStatusCode(), path(rc));
        }
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException) {
            return ApiException.unauthorized("a valid bearer token is required");
        }
        if (failure instanceof ForbiddenException) {
            return ApiException.forbidden("your role may not do this");
        }
        Log.errorf(failure, "Unexpected failure on %s", path(rc));
        return internal();
    }

    private static ApiException internal() {
        return new ApiException(500, "internal", "Internal error",
                "the request could not be completed; it has been logged", null);
    }

    private static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private static boolean streamed(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.CONTENT_LENGTH) == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** The body's declared length; 0 when none is declared (a streamed body is counted as it is read). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // the codec refuses such a request before this; never read a body of unknown size
        }
    }

    private static String path(RoutingContext rc) {
        String path = rc.normalizedPath();
        return path == null ? rc.request().path() : path;
    }
}
