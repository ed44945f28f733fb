package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.web.WebPaths;
import com.instainstru.gateway.web.client.PageServices;
import com.instainstru.platform.problem.Problem;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Friendly error pages with the right status. The pages' own failures are {@link PageException}s; a
 * page that needs a session sends the visitor to the login page (and back afterwards); and any problem
 * the gateway would answer on a page's address (no such page, a wrong method, an unexpected failure) is
 * shown as a page too, never as problem+json or a stack trace. The API's answers are left as they are.
 */
public class PageErrors {

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance error(int status, String title, String message);
    }

    public static Response page(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, message)).build();
    }

    @ServerExceptionMapper
    public Response pageFailed(PageException e) {
        return page(e.status(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response loginRequired(PageException.LoginRequired e) {
        String next = WebPaths.safeReturn(e.returnTo());
        String location = "/login?next=" + PageServices.encode(next) + (e.expired() ? "&expired=1" : "");
        return Response.seeOther(URI.create(location)).build();
    }

    /** Problems on a page's address become pages. */
    @ServerResponseFilter
    public void problemsAsPages(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !WebPaths.isPage(request.getUriInfo().getPath())) {
            return;
        }
        int status = problem.status();
        String message = switch (status) {
            case 404 -> "There is no page at this address. It may have moved, or the link may be mistyped.";
            case 405 -> "This address can't be used that way.";
            case 406 -> "This page can't be shown in the format your browser asked for.";
            case 415 -> "This page only takes its own form. Please go back, reload the page and try again.";
            case 401, 403 -> "You can't open this page with your account.";
            case 429 -> "That was a lot of requests in a short time. Please wait a minute and try again.";
            default -> status >= 500 ? "Something went wrong on our side. It has been logged; please try again."
                    : problem.detail();
        };
        if (status >= 500) {
            Log.warnf("Page %s answered %d: %s", request.getUriInfo().getPath(), status, problem.detail());
        }
        String title = status == 404 ? "We couldn't find that page"
                : status >= 500 ? "Something went wrong" : "We couldn't do that";
        response.setEntity(Templates.error(status, title, message), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
