package com.instainstru.booking.availability;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code availability.changed}: the full windows of each changed date (empty on a blackout or a cleared date). */
public record AvailabilityChanged(UUID instructorId, String timeZone, List<DateWindows> dates) {

    public static final String TYPE = "availability.changed";

    public record DateWindows(LocalDate date, List<AvailabilityResponses.TimeRange> windows, boolean blackout) {
    }
}
