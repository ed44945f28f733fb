package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.web.WebPaths;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/**
 * Pages travel gzipped to browsers that accept it, with "Vary: Accept-Encoding". Quarkus's HTTP compression (on in
 * every service and the gateway) would gzip them too; an answer that already says its encoding is not encoded again.
 */
@Provider
public class PageCompression implements WriterInterceptor {

    @Inject
    CurrentVertxRequest request;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        RoutingContext rc = request.getCurrent();
        MediaType type = context.getMediaType();
        String accepts = rc == null ? null : rc.request().getHeader("Accept-Encoding");
        if (type == null || !type.isCompatible(MediaType.TEXT_HTML_TYPE) || accepts == null || !accepts.contains("gzip")
                || !WebPaths.isPage(rc.normalizedPath())) {
            context.proceed();
            return;
        }
        context.getHeaders().putSingle("Content-Encoding", "gzip");
        context.getHeaders().add("Vary", "Accept-Encoding");
        GZIPOutputStream gzip = new GZIPOutputStream(context.getOutputStream());
        context.setOutputStream(gzip);
        context.proceed();
        gzip.finish();
    }
}
