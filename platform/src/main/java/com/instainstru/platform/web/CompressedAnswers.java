package com.instainstru.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every answer of a media type that is compressed (quarkus.http.compress-media-types, platform configuration) is
 * compressed for a client that accepts it, whoever wrote it, and says {@code Vary: Accept-Encoding}, gzipped or not.
 * <p>Quarkus marks every answer {@code Content-Encoding: identity} (do not compress) until a REST endpoint's media type
 * lifts it, so a problem an exception mapper or a Vert.x handler writes, or a Vert.x route's JSON, would go plain (and
 * over HTTP/2 say "identity"): for those media types the mark is lifted just before the headers go out. An answer
 * that already names its encoding (a service's gzipped answer through the gateway's proxy, a page) is left as it is;
 * so is an answer that already varies with Accept-Encoding. The Vary header keeps a shared cache from handing a
 * gzipped body to a client that did not ask for one.
 */
@ApplicationScoped
public class CompressedAnswers {

    private static final String IDENTITY = HttpHeaders.IDENTITY.toString();

    private final Set<String> compressed;

    CompressedAnswers(@ConfigProperty(name = "quarkus.http.compress-media-types") Optional<List<String>> types) {
        this.compressed = types.orElse(List.of()).stream().map(t -> t.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, 900);
    }

    void filter(RoutingContext rc) {
        rc.addHeadersEndHandler(ignored -> {
            MultiMap headers = rc.response().headers();
            String type = headers.get(HttpHeaders.CONTENT_TYPE);
            if (type == null || !compressed.contains(type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))) {
                return;
            }
            List<String> encodings = headers.getAll(HttpHeaders.CONTENT_ENCODING);
            if (!encodings.isEmpty() && encodings.stream().allMatch(IDENTITY::equalsIgnoreCase)) {
                headers.remove(HttpHeaders.CONTENT_ENCODING);
            }
            boolean varies = headers.getAll(HttpHeaders.VARY).stream()
                    .anyMatch(vary -> vary.toLowerCase(Locale.ROOT).contains("accept-encoding"));
            if (!varies) {
                headers.add(HttpHeaders.VARY, "Accept-Encoding");
            }
        });
        rc.next();
    }
}
