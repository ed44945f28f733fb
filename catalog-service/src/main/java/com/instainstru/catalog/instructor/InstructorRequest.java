package com.instainstru.catalog.instructor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An instructor's own profile (PUT /instructors/me creates or replaces it). */
@Schema(name = "InstructorRequest")
public record InstructorRequest(
        @Schema(example = "Ada Park") @NotBlank @Size(max = 120) String name,
        @Schema(example = "Juilliard-trained pianist, 12 years teaching all ages.") @Size(max = 4000) String bio,
        @Schema(example = "12") @Min(0) @Max(80) Integer yearsExperience,
        @Schema(example = "America/New_York", description = "IANA time zone; default America/New_York")
        @Size(max = 64) String timeZone,
        @Schema(example = "[\"Upper West Side\", \"Brooklyn\"]", description = "NYC boroughs or neighbourhoods")
        @Size(max = 30) List<@NotBlank @Size(max = 60) String> areas,
        Boolean teachesOnline,
        Boolean teachesAtStudio,
        Boolean travelsToStudents) {
}
