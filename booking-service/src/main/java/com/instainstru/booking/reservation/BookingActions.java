package com.instainstru.booking.reservation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the actions on an existing booking. */
public final class BookingActions {

    private BookingActions() {
    }

    @Schema(name = "CancelRequest")
    public record CancelRequest(@Size(max = 500) String reason) {
    }

    @Schema(name = "RescheduleRequest", description = "A new start (and optionally length); the rest is kept")
    public record RescheduleRequest(@NotNull OffsetDateTime startTime, Integer durationMinutes,
            @Size(max = 480) String reason) {
    }
}
