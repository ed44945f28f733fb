package com.instainstru.gateway.web.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.gateway.routing.GatewayAssertion;
import com.instainstru.gateway.routing.ServiceClient;
import com.instainstru.gateway.routing.ServiceClient.Answer;
import com.instainstru.gateway.web.WebConfig;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The pages' calls to the services: the same endpoints any client uses, through the gateway's upstream
 * clients (instances, timeouts, circuit breakers), with the visitor's access token where the endpoint needs
 * one. Answers are read as a tolerant reader: fields the page does not show are ignored.
 */
@ApplicationScoped
public class PageServices {

    @Inject
    ServiceClient services;

    @Inject
    ObjectMapper gatewayJson;

    @Inject
    WebConfig web;

    @Inject
    CurrentVertxRequest request;

    @Inject
    GatewayAssertion assertion;

    private ObjectMapper json;

    @PostConstruct
    void init() {
        // Tolerant of fields the pages do not show; times keep the offset the service wrote (the instructor's zone).
        json = gatewayJson.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false)
                .registerModule(Rfc3339Times.module());
    }

    /** A read for a page: the value, the service's refusal (4xx), or "unavailable" naming {@code what}. */
    public <T> Uni<Part<T>> read(String service, String uri, String bearer, Class<T> type, String what) {
        return read(service, uri, bearer, json.constructType(type), what);
    }

    public <T> Uni<Part<T>> read(String service, String uri, String bearer, TypeReference<T> type, String what) {
        return read(service, uri, bearer, json.constructType(type), what);
    }

    /**
     * A public read shared by every visitor (kept by {@link SharedReads}): asked as the gateway itself, not on one
     * visitor's behalf, so it may run outside the request that started it.
     */
    public <T> Uni<Part<T>> readShared(String service, String uri, Class<T> type, String what) {
        return part(ask(service, HttpMethod.GET, uri, null, null, web.partTimeout(), Map.of()), service, uri,
                json.constructType(type), what);
    }

    private <T> Uni<Part<T>> read(String service, String uri, String bearer, JavaType type, String what) {
        return part(call(service, HttpMethod.GET, uri, bearer, null, web.partTimeout(), Map.of()), service, uri, type, what);
    }

    private <T> Uni<Part<T>> part(Uni<Answer> answer, String service, String uri, JavaType type, String what) {
        return answer.map(a -> this.<T>partOf(a, type))
                .onFailure().recoverWithItem(error -> {
                    Log.warnf("Page part %s (%s %s) unavailable: %s", what, service, uri, error.toString());
                    return Part.unavailable(what);
                });
    }

    /** A write for a page: the service's whole answer; fails when the service cannot be reached in time. */
    public Uni<Answer> write(String service, HttpMethod method, String uri, String bearer, Object body,
            Map<String, String> headers) {
        Buffer buffer;
        try {
            buffer = body == null ? Buffer.buffer("{}") : Buffer.buffer(json.writeValueAsBytes(body));
        } catch (IOException e) {
            return Uni.createFrom().failure(e);
        }
        return call(service, method, uri, bearer, buffer, web.writeTimeout(), headers);
    }

    public <T> T body(Answer answer, Class<T> type) {
        try {
            return json.readValue(answer.body().getBytes(), type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer: " + e.getMessage(), e);
        }
    }

    /** What a refusal says (the problem's detail), for the page to show. */
    public String detail(Answer answer) {
        try {
            JsonNode problem = json.readTree(answer.body().getBytes());
            return problem.path("detail").asText(problem.path("title").asText("the request was refused"));
        } catch (IOException | RuntimeException e) {
            return "the request was refused (" + answer.status() + ")";
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private <T> Part<T> partOf(Answer answer, JavaType type) {
        if (!answer.ok()) {
            return Part.refused(answer.status(), detail(answer));
        }
        try {
            return Part.of(json.readValue(answer.body().getBytes(), type));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer: " + e.getMessage(), e);
        }
    }

    /**
     * As the proxy does: the visitor's address and the gateway's assertion go with every call, so the services
     * limit their expensive reads per visitor, not per gateway.
     */
    private Uni<Answer> call(String service, HttpMethod method, String uri, String bearer, Buffer body, Duration timeout,
            Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        RoutingContext rc = request.getCurrent();
        if (rc != null) {
            all.put("X-Forwarded-For", rc.request().remoteAddress().hostAddress());
            all.put(GatewayAssertion.HEADER, assertion.current());
        }
        return ask(service, method, uri, bearer, body, timeout, all);
    }

    private Uni<Answer> ask(String service, HttpMethod method, String uri, String bearer, Buffer body, Duration timeout,
            Map<String, String> headers) {
        return Uni.createFrom().completionStage(() -> services.call(service, method, uri, bearer, body, timeout, headers)
                .toCompletionStage());
    }
}
