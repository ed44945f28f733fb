package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.web.session.BrowserSession;
import com.instainstru.gateway.web.session.Csrf;
import com.instainstru.gateway.web.session.Visitor;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The request a page is rendered for, as the layout and forms need it: {@code {inject:page.visitor}},
 * {@code {inject:page.csrf}} (every form's hidden token), {@code {inject:page.path}} (where to come back to).
 */
@Named("page")
@RequestScoped
public class Page {

    @Inject
    CurrentVertxRequest request;

    @Inject
    Csrf csrf;

    public Visitor visitor() {
        return BrowserSession.visitor(rc());
    }

    public String csrf() {
        RoutingContext rc = rc();
        return rc == null ? "" : csrf.token(rc);
    }

    public String csrfField() {
        return Csrf.FIELD;
    }

    /** The path and query of this page (to come back to after signing in). */
    public String path() {
        RoutingContext rc = rc();
        if (rc == null) {
            return "/";
        }
        String query = rc.request().query();
        return query == null ? rc.normalizedPath() : rc.normalizedPath() + "?" + query;
    }

    /** The signed-in visitor, or a redirect to the login page that brings them back here. */
    public Visitor requireSignedIn() {
        Visitor visitor = visitor();
        if (!visitor.signedIn()) {
            throw new PageException.LoginRequired(path(), visitor.sessionEnded());
        }
        return visitor;
    }

    /** The session was refused by a service (expired meanwhile): sign in again and come back here. */
    public PageException.LoginRequired expired() {
        return new PageException.LoginRequired(path(), true);
    }

    /** The signed-in visitor with this role (a 403 page for another role). */
    public Visitor requireRole(String role, String whatFor) {
        Visitor visitor = requireSignedIn();
        if (!visitor.is(role)) {
            throw PageException.forbidden(whatFor);
        }
        return visitor;
    }

    RoutingContext rc() {
        return request.getCurrent();
    }
}
