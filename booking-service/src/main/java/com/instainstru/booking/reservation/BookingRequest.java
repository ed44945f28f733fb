package com.instainstru.booking.reservation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A student's booking: an instructor, one of their offerings, a start and a length. */
@Schema(name = "BookingRequest")
public record BookingRequest(
        @NotNull UUID instructorId,
        @Schema(description = "The instructor's offering (instructor service) id") @NotNull UUID instructorServiceId,
        @Schema(example = "2026-12-01T17:00:00-05:00", description = "ISO-8601 with offset") @NotNull OffsetDateTime startTime,
        @Schema(example = "30") @NotNull Integer durationMinutes,
        @Schema(example = "online", description = "online, studio or student_home") @NotNull LocationType locationType,
        @Size(max = 300) String meetingLocation,
        @Size(max = 1000) String note) {
}
