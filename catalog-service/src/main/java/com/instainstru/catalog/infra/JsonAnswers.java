package com.instainstru.catalog.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Caller;
import com.instainstru.platform.web.ConditionalGets;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds JSON answers for the read endpoints, through the response cache where one applies. Every answer is a
 * conditional read ({@link ConditionalGets}): an ETag of its content, 304 to an If-None-Match naming it, and
 * {@code Cache-Control}: {@code public, max-age} (catalog.cache.max-age) for what every visitor sees alike,
 * {@code private, no-cache} for what depends on who asks; {@code Vary: Authorization} on both, since the
 * same URL answers an admin or an instructor differently.
 */
@ApplicationScoped
public class JsonAnswers {

    private static final String PRIVATE = "private, no-cache";

    @Inject
    ObjectMapper json;

    @Inject
    ResponseCache cache;

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    CatalogConfig config;

    @Inject
    HttpServerRequest request;

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be serialised", e);
        }
    }

    /** A public JSON answer from the cache, computed on a miss. */
    public Uni<Response> cached(String key, String field, Supplier<Uni<?>> compute) {
        return cache.getOrCompute(key, field, () -> compute.get().map(this::write)).map(this::shared);
    }

    /** Like {@link #cached} for an answer that may not exist: absent answers are not cached and become 404s. */
    public Uni<Response> cachedOrNotFound(String key, String what, Object id, Supplier<Uni<Optional<?>>> compute) {
        return cache.getOrCompute(key, ResponseCache.SINGLE, () -> compute.get().map(found -> write(found
                        .orElseThrow(() -> ApiException.notFound(what, id)))))
                .map(this::shared);
    }

    /** A public JSON answer that is not kept in the response cache (e.g. a list's later pages). */
    public Uni<Response> uncached(Uni<?> value) {
        return value.map(v -> shared(write(v)));
    }

    /** A JSON answer that is never cached by anyone but the caller (views that depend on who asks). */
    public Uni<Response> fresh(Uni<?> value) {
        return value.map(v -> answer(write(v), PRIVATE));
    }

    /** Whether the caller is an admin; a public endpoint resolves the token only when it must. */
    public Uni<Boolean> callerIsAdmin() {
        return identity.getDeferredIdentity().map(id -> !id.isAnonymous() && id.hasRole(Caller.ADMIN));
    }

    private Response shared(String body) {
        return answer(body, "public, max-age=" + config.cache().maxAge().toSeconds());
    }

    private Response answer(String body, String cacheControl) {
        return ConditionalGets.answer(body, request.getHeader(ConditionalGets.IF_NONE_MATCH), cacheControl)
                .header("Vary", "Authorization").build();
    }
}
