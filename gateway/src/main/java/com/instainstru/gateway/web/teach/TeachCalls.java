package com.instainstru.gateway.web.teach;

import com.instainstru.gateway.routing.ServiceClient.Answer;
import com.instainstru.gateway.web.client.Part;
import com.instainstru.gateway.web.client.PageServices;
import com.instainstru.gateway.web.pages.Page;
import com.instainstru.gateway.web.pages.PageException;
import com.instainstru.gateway.web.session.Visitor;
import com.instainstru.platform.web.Caller;
import com.instainstru.platform.web.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the instructor's and the admin's pages share: the role check (anonymous → sign in and come back, another
 * role → 403 page), writes with the visitor's token where a refusal is the service's words for the page to show,
 * and the end of a session found by a service (sign in again).
 */
@RequestScoped
public class TeachCalls {

    static final String UNAVAILABLE = "That can't be done right now, and nothing was changed. Please try again in a minute.";

    @Inject
    Page page;

    @Inject
    PageServices services;

    public Visitor instructor() {
        return page.requireRole(Caller.INSTRUCTOR, "These pages are for instructors: they run their teaching here.");
    }

    public Visitor admin() {
        return page.requireRole(Caller.ADMIN, "These pages are for the marketplace's administrators.");
    }

    /** A part of a page; a session the service refused means signing in again. */
    public <T> Part<T> checked(Part<T> part) {
        if (part.status() == 401) {
            throw page.expired();
        }
        return part;
    }

    /**
     * A write: {@code done} makes the page of a success, {@code refused} the page of a refusal (the service's
     * detail); a service that cannot be reached in time is a 503 page saying nothing was changed.
     */
    public <R> Uni<R> write(String service, HttpMethod method, String uri, Object body, Map<String, String> headers,
            Function<Answer, R> done, Function<String, Uni<R>> refused) {
        Visitor visitor = page.visitor();
        return services.write(service, method, uri, visitor.accessToken(), body, headers)
                .flatMap(answer -> {
                    if (answer.status() == 401) {
                        throw page.expired();
                    }
                    if (answer.ok()) {
                        return Uni.createFrom().item(done.apply(answer));
                    }
                    return refused.apply(refusal(answer));
                })
                .onFailure(TeachCalls::notAPageAnswer).transform(e -> PageException.unavailable(UNAVAILABLE));
    }

    /** What a refusal says, as a sentence. */
    public String refusal(Answer answer) {
        String detail = services.detail(answer);
        return answer.status() == 403 ? "This isn't allowed: " + detail + "." : "That didn't work: " + detail + ".";
    }

    public static UUID id(String id, String what) {
        if (!Ids.looksLikeUuid(id)) {
            throw PageException.notFound("There is no " + what + " at this address.");
        }
        return UUID.fromString(id);
    }

    public static boolean notAPageAnswer(Throwable e) {
        return !(e instanceof PageException) && !(e instanceof PageException.LoginRequired);
    }
}
