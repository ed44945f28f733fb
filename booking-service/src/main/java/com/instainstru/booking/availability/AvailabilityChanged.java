package com.instainstru.booking.availability;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code availability.changed}: the full windows of each changed date (a blacked-out date says so), the
 * instructor's booking rules as they are now, and {@code version}, the instructor's availability
 * sequence: a consumer keeps, per date and for the rules, what the highest version said.
 */
public record AvailabilityChanged(UUID instructorId, String timeZone, long version, int minNoticeHours,
        int bufferMinutes, int horizonDays, List<DateWindows> dates) {

    public static final String TYPE = "availability.changed";

    public record DateWindows(LocalDate date, List<AvailabilityResponses.TimeRange> windows, boolean blackout) {
    }
}
