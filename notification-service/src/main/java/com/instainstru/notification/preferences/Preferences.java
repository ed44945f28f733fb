package com.instainstru.notification.preferences;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user's notification preferences: whether lesson reminders are sent (booking messages always are). */
@Schema(name = "NotificationPreferences")
public record Preferences(
        @Schema(description = "Lesson reminders (24 hours and 1 hour before) on or off", example = "true")
        @NotNull Boolean reminders) {
}
