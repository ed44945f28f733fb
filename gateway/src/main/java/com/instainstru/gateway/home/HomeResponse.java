package com.instainstru.gateway.home;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of GET /api/v1/home, for the OpenAPI document (the page itself is assembled as JSON). */
@Schema(name = "Home")
public record HomeResponse(
        @Schema(description = "When the page was assembled (ISO-8601)") String generatedAt,
        @Schema(description = "catalog-service's categories with their counts of bookable services") JsonNode categories,
        @Schema(description = "catalog-service's top-per-category: each category with its top services") JsonNode topPerCategory,
        @Schema(description = "Services flagged trending by the latest analytics (id, slug, name, categorySlug, popularity, "
                + "trending), then the most popular others") JsonNode trendingServices,
        @Schema(description = "The latest daily report's most frequent searches (query, count)") JsonNode trendingSearches,
        @Schema(description = "Parts left out because their service did not answer", example = "[\"trendingSearches\"]")
        List<String> unavailable) {
}
