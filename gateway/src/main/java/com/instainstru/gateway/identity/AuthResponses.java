package com.instainstru.gateway.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the auth endpoints answer. */
public final class AuthResponses {

    private AuthResponses() {
    }

    @Schema(name = "Tokens")
    public record TokenResponse(
            @Schema(description = "RS256 JWT for Authorization: Bearer") String accessToken,
            @Schema(description = "Opaque; spent by the next refresh") String refreshToken,
            @Schema(description = "Seconds the access token is valid", example = "900") long expiresIn,
            @Schema(example = "Bearer") String tokenType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "User")
    public record UserResponse(
            UUID id,
            @Schema(example = "ada@example.com") String email,
            @Schema(example = "Ada Park") String name,
            @Schema(example = "[\"instructor\"]") List<String> roles,
            @Schema(description = "At sign-up of an instructor: created, or pending (catalog-service will be asked again)",
                    enumeration = {"created", "pending"}) String instructorProfile,
            @Schema(example = "America/Chicago", description = "The user's IANA time zone; absent when not chosen")
            String timeZone) {

        static UserResponse of(User user) {
            return new UserResponse(user.id(), user.email(), user.name(), user.roles(), null, user.timeZone());
        }

        UserResponse withProfile(String instructorProfile) {
            return new UserResponse(id, email, name, roles, instructorProfile, timeZone);
        }
    }
}
