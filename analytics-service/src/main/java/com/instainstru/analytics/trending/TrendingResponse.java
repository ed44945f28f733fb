package com.instainstru.analytics.trending;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the homepage may show of the analytics: no revenue, no students, no single search's details. */
@Schema(name = "Trending", description = "Trending services (latest nightly analytics) and the most frequent searches (latest daily report)")
public record TrendingResponse(
        @Schema(example = "2026-11-25", description = "Day of the service analytics, null before the first run", nullable = true) LocalDate asOfDate,
        @Schema(description = "Services flagged trending first, then the most popular") List<Service> services,
        @Schema(example = "2026-11-25", description = "Day of the report the searches come from, null before the first", nullable = true) LocalDate searchesDate,
        @Schema(description = "The services most searched for that day by distinct signed-in searchers (at least "
                + "analytics.trending.min-searchers), by name; never a search's own text") List<Search> searches) {

    public record Service(UUID id, @Schema(example = "piano") String slug, @Schema(example = "Piano") String name,
            @Schema(example = "music") String categorySlug, @Schema(example = "0.82") double popularity, boolean trending) {
    }

    /** A trending search: the catalog service searched for (its name as {@code query}) and how many searched. */
    public record Search(@Schema(example = "Piano", description = "The catalog service's name") String query,
            @Schema(example = "42", description = "Distinct signed-in searchers that day") long count,
            @Schema(description = "The catalog service") UUID serviceId,
            @Schema(example = "piano") String slug) {
    }
}
