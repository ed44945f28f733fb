package com.instainstru.booking.availability;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What instructors send to publish their teaching time. Times are "HH:mm" in the instructor's zone. */
public final class AvailabilityRequests {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    private AvailabilityRequests() {
    }

    @Schema(name = "Window")
    public record WindowDto(
            @Schema(example = "09:00") @NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") String start,
            @Schema(example = "17:00") @NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") String end) {
    }

    @Schema(name = "DateWindowsRequest", description = "The complete windows of one date (replaces what was there)")
    public record DateWindowsRequest(@NotNull @Size(max = 12) List<@NotNull @Valid WindowDto> windows) {
    }

    @Schema(name = "WeekRequest", description = "Windows per weekday name (monday..sunday); days left out are cleared")
    public record WeekRequest(@NotNull Map<String, @NotNull @Size(max = 12) List<@NotNull @Valid WindowDto>> days) {
    }

    @Schema(name = "CopyWeekRequest")
    public record CopyWeekRequest(@Schema(example = "4") @NotNull @Min(1) @Max(26) Integer weeks) {
    }

    @Schema(name = "PatternRequest", description = "A weekly pattern applied to every date from..to (inclusive)")
    public record PatternRequest(@NotNull LocalDate from, @NotNull LocalDate to,
            @NotNull Map<String, @NotNull @Size(max = 12) List<@NotNull @Valid WindowDto>> days) {
    }

    @Schema(name = "BlackoutRequest")
    public record BlackoutRequest(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 200) String reason) {
    }

    @Schema(name = "AvailabilitySettings")
    public record SettingsRequest(
            @Schema(example = "12", description = "Minimum advance notice in hours") @NotNull @Min(0) @Max(720) Integer minNoticeHours,
            @Schema(example = "15", description = "Free minutes kept after each lesson") @NotNull @Min(0) @Max(240) Integer bufferMinutes,
            @Schema(example = "90", description = "How many days ahead students may book") @NotNull @Min(1) @Max(365) Integer horizonDays) {
    }

    @Schema(name = "AvailabilitySearchRequest", description = "Free time of many instructors at once (for search)")
    public record SearchRequest(@NotEmpty @Size(max = 1000) List<@NotNull UUID> instructorIds, @NotNull LocalDate from,
            @NotNull LocalDate to) {
    }
}
