package com.instainstru.search.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SearchClick", description = "A student opened one of a search's results")
public record ClickRequest(
        @Schema(description = "searchId of the answer the result was in") @NotNull UUID searchId,
        @NotNull UUID instructorId,
        @NotNull UUID serviceId,
        @Schema(description = "1-based position of the result in the answer", example = "1") @NotNull @Min(1) @Max(1000) Integer position) {
}
