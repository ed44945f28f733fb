package com.instainstru.catalog.instructor;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of account status: by the instructor (pause, resume, deactivate) or an admin (suspend, reactivate, deactivate). */
@Schema(name = "StatusRequest")
public record StatusRequest(@NotNull Action action, @Size(max = 500) String reason) {

    public enum Action {
        @JsonProperty("pause") PAUSE,
        @JsonProperty("resume") RESUME,
        @JsonProperty("suspend") SUSPEND,
        @JsonProperty("reactivate") REACTIVATE,
        @JsonProperty("deactivate") DEACTIVATE;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
