package com.instainstru.catalog.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds JSON answers for the read endpoints, through the response cache where one applies. */
@ApplicationScoped
public class JsonAnswers {

    @Inject
    ObjectMapper json;

    @Inject
    ResponseCache cache;

    @Inject
    CurrentIdentityAssociation identity;

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be serialised", e);
        }
    }

    /** A 200 JSON answer from the cache, computed on a miss. */
    public Uni<Response> cached(String key, String field, Supplier<Uni<?>> compute) {
        return cache.getOrCompute(key, field, () -> compute.get().map(this::write)).map(JsonAnswers::ok);
    }

    /** Like {@link #cached} for an answer that may not exist: absent answers are not cached and become 404s. */
    public Uni<Response> cachedOrNotFound(String key, String what, Object id, Supplier<Uni<Optional<?>>> compute) {
        return cache.getOrCompute(key, ResponseCache.SINGLE, () -> compute.get().map(found -> write(found
                        .orElseThrow(() -> ApiException.notFound(what, id)))))
                .map(JsonAnswers::ok);
    }

    /** A 200 JSON answer that is never cached (views that depend on who asks). */
    public Uni<Response> fresh(Uni<?> value) {
        return value.map(v -> ok(write(v)));
    }

    /** Whether the caller is an admin; a public endpoint resolves the token only when it must. */
    public Uni<Boolean> callerIsAdmin() {
        return identity.getDeferredIdentity().map(id -> !id.isAnonymous() && id.hasRole(Caller.ADMIN));
    }

    private static Response ok(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
