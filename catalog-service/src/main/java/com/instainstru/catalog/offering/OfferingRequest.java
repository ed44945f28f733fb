package com.instainstru.catalog.offering;

import com.instainstru.catalog.offering.OfferingTerms.AgeGroup;
import com.instainstru.catalog.offering.OfferingTerms.Level;
import com.instainstru.catalog.offering.OfferingTerms.LocationType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The terms on which an instructor offers a catalog service. */
@Schema(name = "OfferingRequest")
public record OfferingRequest(
        @Schema(description = "The catalog service offered (required on create; must match on update)")
        UUID catalogServiceId,
        @Schema(example = "60.00", description = "USD per hour, 10 to 1000, at most 2 decimals")
        @NotNull @DecimalMin("10") @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal hourlyRate,
        @Schema(example = "[30, 60]", description = "Lesson lengths in minutes: 30 to 240 in 15-minute steps, no repeats")
        @NotEmpty @Size(max = 15) List<@NotNull @Min(30) @Max(240) Integer> durationOptions,
        @Schema(example = "[\"beginner\", \"intermediate\"]") @NotEmpty List<@NotNull Level> levels,
        @Schema(example = "[\"kids\", \"adults\"]") @NotEmpty List<@NotNull AgeGroup> ageGroups,
        @Schema(example = "[\"online\", \"studio\"]") @NotEmpty List<@NotNull LocationType> locationTypes,
        @Size(max = 2000) String description,
        @Schema(description = "Whether students can book it now; default true") Boolean active) {
}
