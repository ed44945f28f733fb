package com.instainstru.booking.availability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class AvailabilityResponses {

    private AvailabilityResponses() {
    }

    public record TimeRange(String start, String end) {
    }

    @Schema(name = "BookableDay")
    public record BookableDay(LocalDate date, List<OffsetDateTime> startTimes) {
    }

    @Schema(name = "BookableTimes", description = "Start times (15-minute grid) a lesson of durationMinutes can be booked at")
    public record BookableTimes(UUID instructorId, String timeZone, int durationMinutes, List<BookableDay> days) {
    }

    @Schema(name = "DayWindows")
    public record DayWindows(LocalDate date, List<TimeRange> windows, boolean blackout) {
    }

    @Schema(name = "MyAvailability")
    public record MyAvailability(UUID instructorId, String timeZone, int minNoticeHours, int bufferMinutes,
            int horizonDays, List<DayWindows> dates) {
    }

    @Schema(name = "FreeDay")
    public record FreeDay(LocalDate date, List<TimeRange> free) {
    }

    @Schema(name = "TakenTime", description = "A confirmed lesson with the instructor's buffer after it")
    public record TakenTime(OffsetDateTime start, OffsetDateTime end) {
    }

    @Schema(name = "InstructorFreeTime", description = "Free time (days), and what it is worked out from: the "
            + "published windows and blackouts of the range (dates), the lessons that take time (taken), the rules, "
            + "and version, the instructor's availability sequence that availability.changed events carry")
    public record InstructorFreeTime(UUID instructorId, String timeZone, List<FreeDay> days, long version,
            int minNoticeHours, int bufferMinutes, int horizonDays, List<DayWindows> dates, List<TakenTime> taken) {
    }

    @Schema(name = "FreeTime")
    public record FreeTime(List<InstructorFreeTime> instructors) {
    }
}
