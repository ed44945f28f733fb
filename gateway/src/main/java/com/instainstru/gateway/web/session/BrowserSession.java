package com.instainstru.gateway.web.session;

import com.instainstru.gateway.identity.AuthResponses.TokenResponse;
import com.instainstru.gateway.web.WebPaths;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.security.EndedSessions;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * In front of every page (never the API): works out who the visitor is from the session cookies. A valid
 * access token is used as it is; an expired or missing one is replaced silently by spending the refresh
 * token (new cookies go out with the page); when that fails the cookies are removed and the page is
 * served to a visitor whose session ended. Also gives the browser its CSRF cookie.
 */
@ApplicationScoped
public class BrowserSession {

    /** Where the visitor is kept on the routing context for the page. */
    public static final String VISITOR = "web.visitor";
    /** After the request id (1000) and the API's filter (900); it looks at pages only. */
    private static final int PRIORITY = 800;
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Inject
    JWTParser parser;

    @Inject
    SessionCookies cookies;

    @Inject
    TokenRotation rotation;

    @Inject
    Csrf csrf;

    @Inject
    EndedSessions sessions;

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    /** The visitor of the page being served (anonymous outside a page request). */
    public static Visitor visitor(RoutingContext rc) {
        Visitor visitor = rc == null ? null : rc.get(VISITOR);
        return visitor == null ? Visitor.anonymous() : visitor;
    }

    void filter(RoutingContext rc) {
        if (!WebPaths.isPage(rc.normalizedPath())) {
            rc.next();
            return;
        }
        long started = System.nanoTime();
        rc.addHeadersEndHandler(v -> pageHeaders(rc, started));
        csrf.ensureCookie(rc);
        String access = cookies.read(rc, SessionCookies.ACCESS);
        String refresh = cookies.read(rc, SessionCookies.REFRESH);
        JsonWebToken token = access == null ? null : parsed(access);
        Visitor fromAccess = token == null ? null : visitor(token, access);
        if (fromAccess != null) {
            // A valid token of a session that has ended (signed out elsewhere, password changed) is no session.
            rc.request().pause();
            sessions.hasEnded(token).subscribe().with(ended -> {
                if (!ended) {
                    rc.put(VISITOR, fromAccess);
                    rc.next();
                } else {
                    withoutAccess(rc, access, refresh);
                }
            }, error -> {
                Log.warnf("Ended sessions not checked: %s", error.toString());
                rc.put(VISITOR, fromAccess);
                rc.next();
            });
            return;
        }
        withoutAccess(rc, access, refresh);
    }

    /** No usable access token: the refresh token's new pair, or no session. */
    private void withoutAccess(RoutingContext rc, String access, String refresh) {
        if (refresh == null) {
            if (access != null) {
                cookies.clear(rc);
            }
            rc.put(VISITOR, access != null ? Visitor.ended() : Visitor.anonymous());
            rc.next();
            return;
        }
        rc.request().pause();
        rotation.refresh(refresh).subscribe().with(tokens -> signedIn(rc, tokens), error -> notRefreshed(rc, error));
    }

    /**
     * Every page: its referrer policy, a strict Content-Security-Policy (scripts and styles from this site only), no caching of a
     * signed-in visitor's pages by anyone, and the server's time for the page (Server-Timing, read by the benchmark).
     */
    private static void pageHeaders(RoutingContext rc, long started) {
        var headers = rc.response().headers();
        headers.set("Content-Security-Policy", CSP);
        // The API's no-referrer would make the browser send "Origin: null" with the pages' own form posts,
        // which the CORS filter refuses; same-origin keeps the referrer within the site.
        headers.set("Referrer-Policy", "same-origin");
        if (!headers.contains("Cache-Control")) {
            headers.set("Cache-Control", visitor(rc).signedIn() ? "private, no-store" : "no-cache");
        }
        headers.add("Vary", "Cookie");
        headers.set("Server-Timing", String.format(java.util.Locale.ROOT, "page;dur=%.2f", (System.nanoTime() - started) / 1e6));
    }

    private void signedIn(RoutingContext rc, TokenResponse tokens) {
        JsonWebToken token = parsed(tokens.accessToken());
        Visitor visitor = token == null ? null : visitor(token, tokens.accessToken());
        if (visitor == null) {
            notRefreshed(rc, new IllegalStateException("a refreshed access token did not verify"));
            return;
        }
        cookies.write(rc, tokens);
        rc.put(VISITOR, visitor);
        rc.next();
    }

    private void notRefreshed(RoutingContext rc, Throwable error) {
        if (error instanceof ApiException) {
            cookies.clear(rc); // spent, revoked or expired: this session is over
        } else {
            Log.warnf("Session not refreshed (kept for the next page): %s", error.toString());
        }
        rc.put(VISITOR, Visitor.ended());
        rc.next();
    }

    /** The verified token (signature, issuer, lifetime), or null. Verified once a page: an RS256 check is not free. */
    private JsonWebToken parsed(String accessToken) {
        try {
            return parser.parse(accessToken);
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private static Visitor visitor(JsonWebToken token, String accessToken) {
        try {
            UUID user = UUID.fromString(token.getSubject());
            return new Visitor(user, Set.copyOf(token.getGroups()), accessToken, false);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
