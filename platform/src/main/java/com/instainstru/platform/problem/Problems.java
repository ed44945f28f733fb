package com.instainstru.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes problem+json answers from the gateway's own Vert.x handlers (filters and the proxy). */
@ApplicationScoped
public class Problems {

    @Inject
    ObjectMapper json;

    public Buffer body(ApiException problem, String path) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem.toProblem(path)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem cannot be serialised", e);
        }
    }

    /** Ends the exchange with the problem (and Retry-After / WWW-Authenticate where they apply). */
    public void send(RoutingContext rc, ApiException problem) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem instanceof ApiException.TooManyRequests limited) {
            response.putHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body(problem, rc.normalizedPath()));
    }
}
