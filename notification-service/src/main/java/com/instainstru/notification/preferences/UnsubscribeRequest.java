package com.instainstru.notification.preferences;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The token of a reminder's unsubscribe link. */
@Schema(name = "UnsubscribeRequest")
public record UnsubscribeRequest(
        @Schema(description = "The token of the link in a reminder") @NotBlank @Size(max = 100) String token) {
}
