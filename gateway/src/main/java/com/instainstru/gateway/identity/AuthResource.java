package com.instainstru.gateway.identity;

import com.instainstru.gateway.identity.AuthRequests.EmailVerification;
import com.instainstru.gateway.identity.AuthRequests.LoginRequest;
import com.instainstru.gateway.identity.AuthRequests.PasswordResetConfirmation;
import com.instainstru.gateway.identity.AuthRequests.PasswordResetRequest;
import com.instainstru.gateway.identity.AuthRequests.PasswordChangeRequest;
import com.instainstru.gateway.identity.AuthRequests.ProfileChange;
import com.instainstru.gateway.identity.AuthRequests.RefreshRequest;
import com.instainstru.gateway.identity.AuthRequests.RegisterRequest;
import com.instainstru.gateway.identity.AuthResponses.TokenResponse;
import com.instainstru.gateway.identity.AuthResponses.UserResponse;
import com.instainstru.platform.web.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity", description = "Sign-up, sign-in, tokens and the signed-in user")
@APIResponse(responseCode = "429", description = "Too many attempts; see Retry-After")
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    Caller caller;

    @POST
    @Path("/register")
    @Operation(summary = "Create a student or instructor account (an instructor also gets their catalog profile)")
    @APIResponse(responseCode = "201", description = "Created, and an address verification email sent. The same answer when the "
            + "email already has an account (whose owner is emailed instead): sign-up does not tell who is registered",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Uni<Response> register(@Valid @NotNull RegisterRequest request, UriInfo uri) {
        return auth.register(request).map(user -> Response.created(uri.getBaseUriBuilder().path("api/v1/auth/me").build())
                .entity(user).build());
    }

    @POST
    @Path("/login")
    @Operation(summary = "Sign in: an access token (15 minutes) and a refresh token")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong email or password (the same answer for both)")
    public Uni<TokenResponse> login(@Valid @NotNull LoginRequest request) {
        return auth.login(request);
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Spend a refresh token for a new access and refresh token (reusing a spent one revokes them all)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Invalid, expired, spent or revoked token")
    public Uni<TokenResponse> refresh(@Valid @NotNull RefreshRequest request) {
        return auth.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Revoke a refresh token and those refreshed from the same sign-in")
    @APIResponse(responseCode = "204", description = "Revoked (also when the token was unknown)")
    public Uni<Response> logout(@Valid @NotNull RefreshRequest request) {
        return auth.logout(request.refreshToken()).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The signed-in user")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Uni<UserResponse> me() {
        return auth.me(caller.userId());
    }

    @PATCH
    @Path("/me")
    @Authenticated
    @Operation(summary = "Change the signed-in user's name and/or time zone (an absent field stays as it is); "
            + "user.updated is published for the services that keep users' names")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Nothing to change, a blank name or an unknown time zone (see errors)")
    public Uni<UserResponse> updateMe(@Valid @NotNull ProfileChange change) {
        return auth.updateProfile(caller.userId(), change);
    }

    @POST
    @Path("/password")
    @Authenticated
    @Operation(summary = "Change the password; every refresh token of the account is revoked")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Wrong current password or invalid new one")
    public Uni<Response> changePassword(@Valid @NotNull PasswordChangeRequest request) {
        return auth.changePassword(caller.userId(), request).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/password-reset")
    @Operation(summary = "Forgotten password: email a single-use reset link to the address, if it has an account")
    @APIResponse(responseCode = "202", description = "Accepted (the same answer whether or not the address has an account)")
    public Uni<Response> requestPasswordReset(@Valid @NotNull PasswordResetRequest request) {
        return auth.requestPasswordReset(request.email()).replaceWith(Response.accepted().build());
    }

    @POST
    @Path("/password-reset/confirm")
    @Operation(summary = "Set a new password with the token of a reset link; every sign-in session of the account ends")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid new password, or a token already used, expired or unknown")
    public Uni<Response> resetPassword(@Valid @NotNull PasswordResetConfirmation request) {
        return auth.resetPassword(request.token(), request.newPassword()).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/verify-email")
    @Operation(summary = "Confirm the account's email address with the token of the verification link")
    @APIResponse(responseCode = "204", description = "Verified")
    @APIResponse(responseCode = "400", description = "A token already used, expired or unknown")
    public Uni<Response> verifyEmail(@Valid @NotNull EmailVerification request) {
        return auth.verifyEmail(request.token()).replaceWith(Response.noContent().build());
    }
}
