package com.instainstru.catalog.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin's definition of a catalog service (create, or full replacement on update). */
@Schema(name = "CatalogServiceRequest")
public record CatalogServiceRequest(
        @Schema(example = "music", description = "Slug of the category") @NotBlank @Size(max = 60) String category,
        @Schema(example = "Harpsichord") @NotBlank @Size(max = 120) String name,
        @Schema(example = "harpsichord", description = "URL name; derived from the name when absent")
        @Size(max = 80) @Pattern(regexp = SLUG, message = "must be lower-case words joined by '-'") String slug,
        @Size(max = 2000) String description,
        @Min(0) @Max(100000) Integer displayOrder,
        @NotNull Boolean onlineCapable,
        Boolean requiresCertification,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> searchTerms,
        @Size(max = 30) List<@NotBlank @Pattern(regexp = SLUG, message = "must be a service slug") String> relatedSlugs) {

    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
}
