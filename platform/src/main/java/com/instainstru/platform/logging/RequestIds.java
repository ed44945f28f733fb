package com.instainstru.platform.logging;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request has an {@code X-Request-Id}: the caller's when it is a sane token (the gateway passes its own
 * downstream), a new UUID otherwise. It is set on the request (so the gateway's proxy passes it on and the
 * access log shows it), on the response, and in the logging context as {@code requestId}: every log line
 * written while the request is handled carries it (Quarkus keeps the MDC per request on Vert.x), in the JSON
 * logs ({@code LOG_JSON=true}) as {@code mdc.requestId}.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Before the other filters: what they log already has the id. */
    public static final int PRIORITY = 1000;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext rc) {
        String given = rc.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        rc.request().headers().set(HEADER, id);
        rc.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        rc.addEndHandler(done -> MDC.remove(MDC_KEY));
        rc.next();
    }
}
