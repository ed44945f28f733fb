package com.instainstru.gateway.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The pages' stylesheet, script (htmx, from its webjar) and icon, served from memory under names that
 * carry their content's hash, so a browser keeps them for a year and a release changes the name. Each is
 * gzipped once at start (htmx's own .gz from the webjar) and sent compressed to browsers that accept it.
 * The layout names them as {@code {inject:assets.css}}, {@code {inject:assets.htmx}}, {@code {inject:assets.icon}}.
 */
@ApplicationScoped
@Named("assets")
public class StaticAssets {

    private static final String HTMX = "META-INF/resources/webjars/htmx.org/" + htmxVersion() + "/dist/htmx.min.js";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private record Asset(String type, Buffer plain, Buffer gzipped) {
    }

    private final Map<String, Asset> byPath = new LinkedHashMap<>();
    private String css;
    private String htmx;
    private String icon;
    private String teachCss;
    private String teachJs;

    @PostConstruct
    void load() {
        css = add("app", "css", "text/css; charset=utf-8", read("web-assets/app.css"), null);
        htmx = add("htmx", "js", "text/javascript; charset=utf-8", read(HTMX), read(HTMX + ".gz"));
        icon = add("favicon", "svg", "image/svg+xml", read("web-assets/favicon.svg"), null);
        teachCss = add("teach", "css", "text/css; charset=utf-8", read("web-assets/teach.css"), null);
        teachJs = add("teach", "js", "text/javascript; charset=utf-8", read("web-assets/teach.js"), null);
    }

    void register(@Observes Router router) {
        router.get("/static/:name").handler(this::serve);
    }

    public String css() {
        return css;
    }

    public String htmx() {
        return htmx;
    }

    public String icon() {
        return icon;
    }

    /** The instructor's and admin's pages' own styles and the availability grid's script. */
    public String teachCss() {
        return teachCss;
    }

    public String teachJs() {
        return teachJs;
    }

    private void serve(RoutingContext rc) {
        Asset asset = byPath.get(rc.normalizedPath());
        if (asset == null) {
            rc.next(); // not one of ours: the gateway's 404
            return;
        }
        String accepts = rc.request().getHeader("Accept-Encoding");
        boolean gzip = accepts != null && accepts.contains("gzip");
        rc.response().putHeader("Content-Type", asset.type()).putHeader("Cache-Control", IMMUTABLE)
                .putHeader("Vary", "Accept-Encoding");
        if (gzip) {
            rc.response().putHeader("Content-Encoding", "gzip");
        }
        rc.response().end(gzip ? asset.gzipped() : asset.plain());
    }

    private String add(String name, String extension, String type, byte[] plain, byte[] gzipped) {
        String path = "/static/" + name + "." + hash(plain) + "." + extension;
        byPath.put(path, new Asset(type, Buffer.buffer(plain), Buffer.buffer(gzipped != null ? gzipped : gzip(plain))));
        return path;
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The htmx version of the webjar on the classpath (pinned in the parent pom). */
    private static String htmxVersion() {
        try (InputStream in = StaticAssets.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/htmx.org/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the htmx webjar is not on the classpath", e);
        }
    }
}
