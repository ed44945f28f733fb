package com.instainstru.gateway.home;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of GET /api/v1/home, for the OpenAPI document (the page itself is assembled as JSON): each part a list of
 * its service's objects (catalog-service's Category and CategoryHighlights, analytics-service's Trending lists).
 */
@Schema(name = "Home")
public record HomeResponse(
        @Schema(description = "When the page was assembled (ISO-8601)") String generatedAt,
        @Schema(description = "catalog-service's categories with their counts of bookable services") List<Map<String, Object>> categories,
        @Schema(description = "catalog-service's top-per-category: each category with its top services") List<Map<String, Object>> topPerCategory,
        @Schema(description = "Services flagged trending by the latest analytics (id, slug, name, categorySlug, popularity, "
                + "trending), then the most popular others") List<Map<String, Object>> trendingServices,
        @Schema(description = "The latest daily report's most frequent searches (query, count)") List<Map<String, Object>> trendingSearches,
        @Schema(description = "Parts left out because their service did not answer", example = "[\"trendingSearches\"]")
        List<String> unavailable) {
}
