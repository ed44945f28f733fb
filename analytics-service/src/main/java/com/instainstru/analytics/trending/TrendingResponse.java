package com.instainstru.analytics.trending;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the homepage may show of the analytics: no revenue, no students, no single search's details. */
@Schema(name = "Trending", description = "Trending services (latest nightly analytics) and the most frequent searches (latest daily report)")
public record TrendingResponse(
        @Schema(example = "2026-11-25", description = "Day of the service analytics, null before the first run") LocalDate asOfDate,
        @Schema(description = "Services flagged trending first, then the most popular") List<Service> services,
        @Schema(example = "2026-11-25", description = "Day of the report the searches come from, null before the first") LocalDate searchesDate,
        @Schema(description = "The most frequent searches of that day (lower-cased)") List<Search> searches) {

    public record Service(UUID id, @Schema(example = "piano") String slug, @Schema(example = "Piano") String name,
            @Schema(example = "music") String categorySlug, @Schema(example = "0.82") double popularity, boolean trending) {
    }

    public record Search(@Schema(example = "piano lessons") String query, @Schema(example = "42") long count) {
    }
}
