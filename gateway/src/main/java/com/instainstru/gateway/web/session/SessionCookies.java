package com.instainstru.gateway.web.session;

import com.instainstru.gateway.identity.AuthResponses.TokenResponse;
import com.instainstru.gateway.infra.GatewayConfig;
import com.instainstru.gateway.web.WebConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The browser session's cookies: the same access and refresh tokens the API issues, each HttpOnly (no
 * script can read them) and SameSite=Lax (other sites' forms and scripts do not carry them), Secure
 * outside loopback. Only the pages read them: the JSON API accepts bearer tokens alone, so the cookies
 * cannot be used to call it from another site.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String ACCESS = "ii_access";
    public static final String REFRESH = "ii_refresh";
    public static final String CSRF = "ii_csrf";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    @Inject
    WebConfig web;

    @Inject
    GatewayConfig gateway;

    public String read(RoutingContext rc, String name) {
        Cookie cookie = rc.request().getCookie(name);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    /** Signs the browser in (or keeps it signed in after a refresh) with a pair of tokens. */
    public void write(RoutingContext rc, TokenResponse tokens) {
        rc.response().addCookie(cookie(rc, ACCESS, tokens.accessToken(), tokens.expiresIn()));
        rc.response().addCookie(cookie(rc, REFRESH, tokens.refreshToken(), gateway.tokens().refreshTtl().toSeconds()));
    }

    /** Signs the browser out: both tokens are removed. */
    public void clear(RoutingContext rc) {
        rc.response().addCookie(cookie(rc, ACCESS, "", 0));
        rc.response().addCookie(cookie(rc, REFRESH, "", 0));
    }

    public Cookie cookie(RoutingContext rc, String name, String value, long maxAgeSeconds) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(secure(rc.request())).setMaxAge(maxAgeSeconds);
    }

    private boolean secure(HttpServerRequest request) {
        return switch (web.secureCookies()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> request.isSSL() || !LOOPBACK.contains(host(request));
        };
    }

    private static String host(HttpServerRequest request) {
        String host = request.authority() != null ? request.authority().host() : null;
        return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
    }
}
