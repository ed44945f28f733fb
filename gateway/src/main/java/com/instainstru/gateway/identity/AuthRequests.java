package com.instainstru.gateway.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the auth endpoints accept. */
public final class AuthRequests {

    static final String EMAIL = "^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$";

    private AuthRequests() {
    }

    @Schema(name = "RegisterRequest")
    public record RegisterRequest(
            @Schema(example = "ada@example.com") @NotBlank @Size(max = 254) @Pattern(regexp = EMAIL, message = "must be an email address") String email,
            @Schema(example = "correct horse battery", description = "10 to 72 characters")
            @NotNull @Size(min = 10, max = 72) String password,
            @Schema(example = "instructor", enumeration = {"student", "instructor"})
            @NotNull @Pattern(regexp = "student|instructor", message = "must be student or instructor") String role,
            @Schema(example = "Ada Park") @NotBlank @Size(max = 120) String name,
            @Schema(example = "America/Chicago", description = "Optional: the IANA time zone of the user's messages")
            @Size(max = 64) String timeZone) {
    }

    @Schema(name = "ProfileChange", description = "What to change of the signed-in user; an absent field stays as it is")
    public record ProfileChange(
            @Schema(example = "Ada Park") @Size(max = 120) String name,
            @Schema(example = "Europe/Berlin", description = "An IANA time zone") @Size(max = 64) String timeZone) {
    }

    @Schema(name = "LoginRequest")
    public record LoginRequest(
            @Schema(example = "ada@example.com") @NotBlank @Size(max = 254) String email,
            @Schema(example = "correct horse battery") @NotNull @Size(max = 200) String password) {
    }

    @Schema(name = "RefreshRequest", description = "A refresh token from login or the previous refresh")
    public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    @Schema(name = "PasswordChangeRequest")
    public record PasswordChangeRequest(
            @NotNull @Size(max = 200) String currentPassword,
            @Schema(description = "10 to 72 characters") @NotNull @Size(min = 10, max = 72) String newPassword) {
    }

    @Schema(name = "PasswordResetRequest", description = "The address of the account whose password was forgotten")
    public record PasswordResetRequest(
            @Schema(example = "ada@example.com") @NotBlank @Size(max = 254) @Pattern(regexp = EMAIL, message = "must be an email address") String email) {
    }

    @Schema(name = "PasswordResetConfirmation", description = "The token of the emailed link and the new password")
    public record PasswordResetConfirmation(
            @Schema(description = "The token of the password reset link") @NotBlank @Size(max = 100) String token,
            @Schema(description = "10 to 72 characters") @NotNull @Size(min = 10, max = 72) String newPassword) {
    }

    @Schema(name = "EmailVerification", description = "The token of the emailed verification link")
    public record EmailVerification(@NotBlank @Size(max = 100) String token) {
    }
}
