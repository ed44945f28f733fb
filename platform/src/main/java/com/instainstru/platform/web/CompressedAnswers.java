package com.instainstru.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
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
 * that already names its encoding (a service's gzipped answer through the gateway's proxy, a page) keeps it, once;
 * an answer that already varies with Accept-Encoding is not told so twice. The Vary header keeps a shared cache from handing a
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

    /**
     * "identity" beside a real encoding (a page an exception mapper wrote and PageCompression gzipped, on top of
     * Quarkus's mark) goes: Vert.x would drop every Content-Encoding for it and send gzip as if plain. Alone, it goes
     * for a compressible answer, so that it is compressed for a client that accepts it.
     */
    private static void liftIdentity(MultiMap headers, boolean compressible) {
        List<String> encodings = headers.getAll(HttpHeaders.CONTENT_ENCODING);
        if (encodings.stream().noneMatch(IDENTITY::equalsIgnoreCase)) {
            return;
        }
        List<String> real = encodings.stream().filter(encoding -> !IDENTITY.equalsIgnoreCase(encoding)).toList();
        if (compressible || !real.isEmpty()) {
            headers.remove(HttpHeaders.CONTENT_ENCODING);
            real.forEach(encoding -> headers.add(HttpHeaders.CONTENT_ENCODING, encoding));
        }
    }

    void filter(RoutingContext rc) {
        rc.addHeadersEndHandler(ignored -> {
            MultiMap headers = rc.response().headers();
            String type = headers.get(HttpHeaders.CONTENT_TYPE);
            boolean compressible = type != null
                    && compressed.contains(type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
            liftIdentity(headers, compressible);
            List<String> varies = headers.getAll(HttpHeaders.VARY);
            if (compressible && varies.stream().noneMatch(vary -> vary.toLowerCase(Locale.ROOT).contains("accept-encoding"))) {
                // One Vary header: what the answer already varies with (Authorization, say), then Accept-Encoding.
                List<String> all = new ArrayList<>(varies);
                all.add("Accept-Encoding");
                headers.set(HttpHeaders.VARY, String.join(", ", all));
            }
        });
        rc.next();
    }
}
