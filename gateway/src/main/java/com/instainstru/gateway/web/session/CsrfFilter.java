package com.instainstru.gateway.web.session;

import com.instainstru.gateway.web.WebPaths;
import com.instainstru.gateway.web.pages.PageErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, with a 403 page, every state-changing request to a page (never the API) that does not carry the
 * CSRF token of its own cookie: in the form ({@value Csrf#FIELD}) or in the {@value Csrf#HEADER} header. The
 * form is read here the way Quarkus REST reads it afterwards, so the page's method still gets its fields.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Csrf csrf;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> verify(ContainerRequestContext request, RoutingContext rc) {
        if (SAFE.contains(request.getMethod()) || !WebPaths.isPage(rc.normalizedPath())) {
            return null;
        }
        String header = request.getHeaderString(Csrf.HEADER);
        if (header != null) {
            return csrf.accepts(rc, header) ? null : Uni.createFrom().item(refused());
        }
        MediaType type = request.getMediaType();
        if (type == null || !(isForm(type, MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || isForm(type, MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return Uni.createFrom().item(refused());
        }
        return form(rc.request()).map(token -> csrf.accepts(rc, token) ? null : refused());
    }

    private static Response refused() {
        return PageErrors.page(403, "This form has expired",
                "For your safety we only accept forms sent from this site's own pages. Please go back, "
                        + "reload the page and try again.");
    }

    private static boolean isForm(MediaType type, MediaType form) {
        return type.getType().equalsIgnoreCase(form.getType()) && type.getSubtype().equalsIgnoreCase(form.getSubtype());
    }

    private static Uni<String> form(HttpServerRequest request) {
        request.setExpectMultipart(true);
        return Uni.createFrom().emitter(emitter -> {
            request.endHandler(v -> emitter.complete(request.formAttributes().get(Csrf.FIELD)));
            request.exceptionHandler(emitter::fail);
            request.resume();
        });
    }
}
