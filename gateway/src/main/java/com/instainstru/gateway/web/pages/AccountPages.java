package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.identity.AuthRequests.LoginRequest;
import com.instainstru.gateway.identity.AuthRequests.PasswordChangeRequest;
import com.instainstru.gateway.identity.AuthRequests.ProfileChange;
import com.instainstru.gateway.identity.AuthRequests.RegisterRequest;
import com.instainstru.gateway.identity.AuthResponses.UserResponse;
import com.instainstru.gateway.identity.AuthService;
import com.instainstru.gateway.identity.TimeZones;
import com.instainstru.gateway.web.WebPaths;
import com.instainstru.gateway.web.client.PageServices;
import io.vertx.core.http.HttpMethod;
import com.instainstru.gateway.web.session.SessionCookies;
import com.instainstru.gateway.web.session.Visitor;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.problem.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Signing up, in and out, and the account page (password change), with the gateway's own identity service:
 * the same rules, limits and tokens as the API's /api/v1/auth. Signing in sets the session cookies and
 * returns the visitor to where they were (a path of this site only).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @Inject
    AuthService auth;

    @Inject
    SessionCookies cookies;

    @Inject
    CurrentVertxRequest request;

    @Inject
    Page page;

    @Inject
    Limits limits;

    @Inject
    Validator validator;

    @Inject
    PageServices services;

    /** A form as it was filled in, and what is wrong with it (field → message; "" for the whole form). */
    public record Form(Map<String, String> values, Map<String, String> errors) {

        static Form empty() {
            return new Form(Map.of(), Map.of());
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean invalid(String field) {
            return errors.containsKey(field);
        }
    }

    /** {@code reset}: the password was just reset with an emailed link. */
    public record LoginView(String next, boolean expired, Form form, boolean reset) {
    }

    public record SignupView(String next, Form form) {

        /** The time zones to choose from at sign-up (any of them can be changed on /account). */
        public List<String> timeZones() {
            return TimeZones.COMMON;
        }
    }

    /**
     * {@code reminders}: the notification setting, null when notification-service did not answer; {@code profile}:
     * the name and time zone form as filled in, with its errors.
     */
    public record AccountView(UserResponse user, String done, Form form, Boolean reminders, Form profile) {

        AccountView(UserResponse user, String done, Form form, Boolean reminders) {
            this(user, done, form, reminders, new Form(profileValues(user), Map.of()));
        }

        /** The time zones to choose from: the common ones, and the user's own if it is another. */
        public List<String> timeZones() {
            String own = profile.value("timeZone");
            if (own.isEmpty() || TimeZones.COMMON.contains(own)) {
                return TimeZones.COMMON;
            }
            List<String> zones = new ArrayList<>(TimeZones.COMMON);
            zones.add(0, own);
            return zones;
        }
    }

    /** After sign-up with an address whose password did not sign in: the owner was emailed (or it is someone else's). */
    /** After a sign-up: {@code next} is where signing in goes on to. */
    public record SignupSentView(String email, String next) {
    }

    /** notification-service's answer about preferences. */
    public record Preferences(Boolean reminders) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(LoginView view);

        static native TemplateInstance signup(SignupView view);

        static native TemplateInstance logout();

        static native TemplateInstance account(AccountView view);

        static native TemplateInstance signupSent(SignupSentView view);
    }

    @GET
    @Path("login")
    public TemplateInstance loginPage(@RestQuery String next, @RestQuery String expired, @RestQuery String reset) {
        return Templates.login(new LoginView(WebPaths.safeReturn(next), expired != null, Form.empty(), reset != null));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> login(@RestForm String email, @RestForm String password, @RestForm String next) {
        String back = WebPaths.safeReturn(next);
        Map<String, String> values = Map.of("email", email == null ? "" : email);
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            return Uni.createFrom().item(loginAgain(400, back, values, "Enter your email and your password."));
        }
        RoutingContext rc = request.getCurrent();
        return limits.login(rc)
                .flatMap(ok -> auth.login(new LoginRequest(email, password)))
                .map(tokens -> {
                    cookies.write(rc, tokens);
                    return Response.seeOther(URI.create(back)).build();
                })
                .onFailure(ApiException.class).recoverWithItem(e -> {
                    ApiException refused = (ApiException) e;
                    return loginAgain(refused.status(), back, values, refused.status() == 429
                            ? "Too many sign-in attempts. Please wait a minute and try again."
                            : "The email or the password is wrong.");
                });
    }

    @GET
    @Path("signup")
    public TemplateInstance signupPage(@RestQuery String next) {
        return Templates.signup(new SignupView(WebPaths.safeReturn(next), new Form(Map.of("role", "student"), Map.of())));
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signup(@RestForm String name, @RestForm String email, @RestForm String password,
            @RestForm String role, @RestForm String timeZone, @RestForm String next) {
        String back = WebPaths.safeReturn(next);
        Map<String, String> values = new HashMap<>();
        values.put("name", name == null ? "" : name);
        values.put("email", email == null ? "" : email);
        values.put("role", role == null ? "" : role);
        values.put("timeZone", timeZone == null ? "" : timeZone);
        RegisterRequest registration = new RegisterRequest(email, password, role, name,
                timeZone == null || timeZone.isBlank() ? null : timeZone);
        Map<String, String> errors = errors(validator.validate(registration));
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(Response.status(400).entity(Templates.signup(new SignupView(back,
                    new Form(values, errors)))).build());
        }
        RoutingContext rc = request.getCurrent();
        return limits.register(rc)
                // The same answer whether or not the address has an account, so the page tells no one which addresses
                // are registered: a new account's owner gets a link that confirms the address and signs them in (or
                // signs in with the password just chosen); an existing account's owner is told they have one.
                .flatMap(ok -> auth.register(registration))
                .map(user -> Response.ok(Templates.signupSent(new SignupSentView(user.email(), back))).build())
                .onFailure(ApiException.class).recoverWithItem(e -> {
                    ApiException refused = (ApiException) e;
                    return Response.status(refused.status()).entity(Templates.signup(new SignupView(back,
                            new Form(values, errors(refused))))).build();
                });
    }

    @GET
    @Path("logout")
    public TemplateInstance logoutPage() {
        return Templates.logout();
    }

    /** Signs out: the refresh token's whole sign-in is revoked, and the cookies are removed. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> logout() {
        RoutingContext rc = request.getCurrent();
        String refresh = cookies.read(rc, SessionCookies.REFRESH);
        Uni<Void> revoked = refresh == null ? Uni.createFrom().voidItem() : auth.logout(refresh);
        return revoked.map(v -> {
            cookies.clear(rc);
            return Response.seeOther(URI.create("/")).build();
        });
    }

    @GET
    @Path("account")
    public Uni<TemplateInstance> account(@RestQuery String done) {
        Visitor visitor = page.requireSignedIn();
        return Uni.combine().all().unis(auth.me(visitor.userId()), reminders(visitor)).asTuple()
                .map(t -> Templates.account(new AccountView(t.getItem1(), done, Form.empty(), t.getItem2())));
    }

    /** Changes the name and the time zone (the select offers the common zones; any IANA name is accepted). */
    @POST
    @Path("account/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> profile(@RestForm String name, @RestForm String timeZone) {
        Visitor visitor = page.requireSignedIn();
        Map<String, String> values = new HashMap<>();
        values.put("name", name == null ? "" : name);
        values.put("timeZone", timeZone == null ? "" : timeZone);
        ProfileChange change = new ProfileChange(name == null ? "" : name,
                timeZone == null || timeZone.isBlank() ? null : timeZone);
        Map<String, String> errors = new HashMap<>(errors(validator.validate(change)));
        if (change.name().isBlank()) {
            errors.put("name", "is required");
        }
        Uni<Response> saved = errors.isEmpty()
                ? auth.updateProfile(visitor.userId(), change)
                        .map(user -> Response.seeOther(URI.create("/account?done=profile")).build())
                        .onFailure(ApiException.class).recoverWithUni(e -> profileAgain(visitor, values, errors((ApiException) e)))
                : profileAgain(visitor, values, errors);
        return saved;
    }

    private Uni<Response> profileAgain(Visitor visitor, Map<String, String> values, Map<String, String> errors) {
        return Uni.combine().all().unis(auth.me(visitor.userId()), reminders(visitor)).asTuple()
                .map(t -> Response.status(400).entity(Templates.account(new AccountView(t.getItem1(), null,
                        Form.empty(), t.getItem2(), new Form(values, errors)))).build());
    }

    /** Turns lesson reminders on or off (notification-service's preferences; a checkbox: absent means off). */
    @POST
    @Path("account/notifications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> notifications(@RestForm String reminders) {
        Visitor visitor = page.requireSignedIn();
        return services.write("notification", HttpMethod.PUT, "/api/v1/notifications/preferences", visitor.accessToken(),
                        new Preferences(reminders != null), Map.of())
                .map(answer -> {
                    if (!answer.ok()) {
                        throw new PageException(answer.status() >= 500 ? 503 : answer.status(),
                                "Your settings were not saved", services.detail(answer));
                    }
                    return Response.seeOther(URI.create("/account?done=notifications")).build();
                })
                .onFailure(e -> !(e instanceof PageException)).transform(e -> new PageException(503,
                        "Your settings were not saved", "The notification settings are unavailable right now. Please try again in a moment."));
    }

    private Uni<Boolean> reminders(Visitor visitor) {
        return services.read("notification", "/api/v1/notifications/preferences", visitor.accessToken(), Preferences.class,
                "notification settings").map(part -> part.ok() ? part.value().reminders() : null);
    }

    /** Changes the password (which signs out every other device) and signs this browser in again with it. */
    @POST
    @Path("account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> changePassword(@RestForm String currentPassword, @RestForm String newPassword,
            @RestForm String confirmPassword) {
        Visitor visitor = page.requireSignedIn();
        PasswordChangeRequest change = new PasswordChangeRequest(currentPassword, newPassword);
        Map<String, String> errors = new HashMap<>(errors(validator.validate(change)));
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            errors.put("confirmPassword", "does not match the new password");
        }
        RoutingContext rc = request.getCurrent();
        return Uni.combine().all().unis(auth.me(visitor.userId()), reminders(visitor)).asTuple().flatMap(t -> {
            UserResponse user = t.getItem1();
            Boolean reminders = t.getItem2();
            if (!errors.isEmpty()) {
                return Uni.createFrom().item(accountAgain(user, errors, reminders));
            }
            return auth.changePassword(visitor.userId(), change)
                    .flatMap(v -> auth.login(new LoginRequest(user.email(), newPassword)))
                    .map(tokens -> {
                        cookies.write(rc, tokens);
                        return Response.seeOther(URI.create("/account?done=password")).build();
                    })
                    .onFailure(ApiException.class).recoverWithItem(e -> accountAgain(user, errors((ApiException) e), reminders));
        });
    }

    private static Map<String, String> profileValues(UserResponse user) {
        Map<String, String> values = new HashMap<>();
        values.put("name", user.name());
        values.put("timeZone", user.timeZone() == null ? "" : user.timeZone());
        return values;
    }

    private static Response accountAgain(UserResponse user, Map<String, String> errors, Boolean reminders) {
        return Response.status(400).entity(Templates.account(new AccountView(user, null, new Form(Map.of(), errors),
                reminders))).build();
    }

    private static Response loginAgain(int status, String back, Map<String, String> values, String error) {
        return Response.status(status).entity(Templates.login(new LoginView(back, false,
                new Form(values, Map.of("", error)), false))).build();
    }

    static Map<String, String> errors(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, String> errors = new HashMap<>();
        for (ConstraintViolation<?> v : violations) {
            String field = v.getPropertyPath().toString();
            errors.merge(field, message(field, v.getMessage()), (a, b) -> a);
        }
        return errors;
    }

    static Map<String, String> errors(ApiException e) {
        Problem problem = e.toProblem(null);
        Map<String, String> errors = new HashMap<>();
        if (problem.errors() != null) {
            problem.errors().forEach(fe -> errors.put(fe.field(), fe.message()));
        }
        if (errors.isEmpty()) {
            errors.put("", e.status() == 429 ? "Too many attempts. Please wait a minute and try again." : e.getMessage());
        }
        return errors;
    }

    private static String message(String field, String message) {
        return switch (field) {
            case "password", "newPassword" -> message.startsWith("size") ? "must be 10 to 72 characters" : message;
            case "email" -> message.contains("blank") ? "is required" : message;
            case "name" -> message.contains("blank") ? "is required" : message;
            case "role" -> "choose student or instructor";
            default -> message;
        };
    }
}
