package com.instainstru.gateway.infra;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when it is a sane token, a new UUID
 * otherwise. It is set on the request (so the proxy passes it downstream and the access log shows
 * it) and on the response.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    static final int PRIORITY = 1000;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext rc) {
        String given = rc.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        rc.request().headers().set(HEADER, id);
        rc.response().putHeader(HEADER, id);
        rc.next();
    }
}
