package com.instainstru.booking.reservation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A student's booking: an instructor, one of their offerings, a start, a length and a place. The place is one of
 * catalog-service's location types (a word outside them is refused at once) that the offering lists.
 */
@Schema(name = "BookingRequest")
public record BookingRequest(
        @NotNull UUID instructorId,
        @Schema(description = "The instructor's offering (instructor service) id") @NotNull UUID instructorServiceId,
        @Schema(example = "2026-12-01T17:00:00-05:00", description = "ISO-8601 with offset") @NotNull OffsetDateTime startTime,
        @Schema(example = "30") @NotNull Integer durationMinutes,
        @Schema(example = "online", enumeration = {"online", "studio", "student_home"},
                description = "one of the offering's location types (catalog-service's vocabulary)")
        @NotNull @Pattern(regexp = "online|studio|student_home", message = "must be online, studio or student_home")
        String locationType,
        @Size(max = 300) String meetingLocation,
        @Size(max = 1000) String note) {
}
