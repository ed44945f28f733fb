package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.identity.AuthRequests.PasswordResetConfirmation;
import com.instainstru.gateway.identity.AuthRequests.PasswordResetRequest;
import com.instainstru.gateway.identity.AuthService;
import com.instainstru.gateway.web.client.PageServices;
import com.instainstru.gateway.web.pages.AccountPages.Form;
import com.instainstru.gateway.web.session.SessionCookies;
import com.instainstru.platform.problem.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The pages the links of account emails open, which work without a sign-in: a forgotten password (ask for a reset
 * link; set a new password with it), the address verification, and a reminder's unsubscribe link. Opening a link
 * changes nothing (mail scanners open links too): its page has a button that posts the token (CSRF-protected as
 * every form), and only that spends it.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountLinkPages {

    @Inject
    AuthService auth;

    @Inject
    PageServices services;

    @Inject
    CurrentVertxRequest request;

    @Inject
    Limits limits;

    @Inject
    Validator validator;

    @Inject
    SessionCookies cookies;

    /** {@code sent}: the request was taken (the same whether or not the address has an account). */
    public record ForgotView(boolean sent, Form form) {
    }

    public record ResetView(String token, Form form) {
    }

    /** A link's page: {@code state} ask (the button), done, or invalid (used, expired or unknown). */
    public record LinkView(String token, String state) {
    }

    /** What notification-service's unsubscribe takes. */
    public record Unsubscribe(String token) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forgot(ForgotView view);

        static native TemplateInstance reset(ResetView view);

        static native TemplateInstance verify(LinkView view);

        static native TemplateInstance unsubscribe(LinkView view);
    }

    @GET
    @Path("forgot-password")
    public TemplateInstance forgotPage() {
        return Templates.forgot(new ForgotView(false, new Form(Map.of(), Map.of())));
    }

    @POST
    @Path("forgot-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> forgot(@RestForm String email) {
        PasswordResetRequest reset = new PasswordResetRequest(email);
        Map<String, String> errors = AccountPages.errors(validator.validate(reset));
        Map<String, String> values = Map.of("email", email == null ? "" : email);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(Response.status(400).entity(Templates.forgot(new ForgotView(false,
                    new Form(values, errors)))).build());
        }
        return limits.passwordReset(request.getCurrent())
                .chain(() -> auth.requestPasswordReset(email))
                .map(v -> Response.ok(Templates.forgot(new ForgotView(true, new Form(values, Map.of())))).build())
                .onFailure(ApiException.class).recoverWithItem(e -> Response.status(((ApiException) e).status())
                        .entity(Templates.forgot(new ForgotView(false, new Form(values, AccountPages.errors((ApiException) e)))))
                        .build());
    }

    @GET
    @Path("reset-password")
    public TemplateInstance resetPage(@RestQuery String token) {
        return Templates.reset(new ResetView(token == null ? "" : token, new Form(Map.of(), Map.of())));
    }

    /** Sets the new password; every session of the account ends, and the visitor is asked to sign in with it. */
    @POST
    @Path("reset-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reset(@RestForm String token, @RestForm String newPassword, @RestForm String confirmPassword) {
        String link = token == null ? "" : token;
        PasswordResetConfirmation reset = new PasswordResetConfirmation(link, newPassword);
        Map<String, String> errors = new HashMap<>(AccountPages.errors(validator.validate(reset)));
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            errors.put("confirmPassword", "does not match the new password");
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(resetAgain(link, errors));
        }
        return limits.passwordReset(request.getCurrent())
                .chain(() -> auth.resetPassword(link, newPassword))
                .map(v -> Response.seeOther(URI.create("/login?reset=1")).build())
                .onFailure(ApiException.class).recoverWithItem(e -> resetAgain(link, AccountPages.errors((ApiException) e)));
    }

    @GET
    @Path("verify-email")
    public TemplateInstance verifyPage(@RestQuery String token) {
        return Templates.verify(new LinkView(token == null ? "" : token, "ask"));
    }

    /**
     * Confirms the address and signs its owner in (the link reached the address), on to the account page. This is how
     * a new account goes on after the web sign-up, which answers "check your email" for every address.
     */
    @POST
    @Path("verify-email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> verify(@RestForm String token) {
        String link = token == null ? "" : token;
        if (link.isBlank() || link.length() > 100) {
            return Uni.createFrom().item(Response.status(400).entity(Templates.verify(new LinkView(link, "invalid"))).build());
        }
        var rc = request.getCurrent();
        return limits.passwordReset(rc)
                .chain(() -> auth.verifyEmailAndSignIn(link))
                .map(tokens -> {
                    cookies.write(rc, tokens);
                    return Response.seeOther(URI.create("/account?done=verified")).build();
                })
                .onFailure(ApiException.class).recoverWithItem(e -> Response.status(((ApiException) e).status())
                        .entity(Templates.verify(new LinkView(link, "invalid"))).build());
    }

    @GET
    @Path("unsubscribe")
    public TemplateInstance unsubscribePage(@RestQuery String token) {
        return Templates.unsubscribe(new LinkView(token == null ? "" : token, "ask"));
    }

    /** Turns the reminders of the link's recipient off (notification-service), without a sign-in. */
    @POST
    @Path("unsubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> unsubscribe(@RestForm String token) {
        return spend(token, Templates::unsubscribe, link -> services.write("notification", HttpMethod.POST,
                        "/api/v1/notifications/unsubscribe", null, new Unsubscribe(link), Map.of())
                .map(answer -> answer.ok() ? 200 : answer.status())
                .onFailure().transform(e -> PageException.unavailable(
                        "Your reminders could not be turned off right now. Please try the link again in a moment.")));
    }

    /** Spends a link's token ({@code spend} answers the status: 200 done, else refused) and shows its page. */
    private static Uni<Response> spend(String token, Function<LinkView, TemplateInstance> page,
            Function<String, Uni<Integer>> spend) {
        String link = token == null ? "" : token;
        Uni<Integer> status = link.isBlank() || link.length() > 100 ? Uni.createFrom().item(400) : spend.apply(link);
        return status.map(s -> Response.status(s).entity(page.apply(new LinkView(link, s == 200 ? "done" : "invalid"))).build());
    }

    private static Response resetAgain(String token, Map<String, String> errors) {
        return Response.status(400).entity(Templates.reset(new ResetView(token, new Form(Map.of(), errors)))).build();
    }
}
