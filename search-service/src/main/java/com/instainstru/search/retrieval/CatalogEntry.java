package com.instainstru.search.retrieval;

import java.util.List;
import java.util.UUID;

/** A catalog service as search knows it (from catalog-events and catalog-service's API). */
public record CatalogEntry(UUID id, String slug, String name, String categorySlug, String categoryName,
        List<String> searchTerms) {

    /** The text the service is embedded from: its name, category and search terms. */
    public String embeddingText() {
        return name + ". " + categoryName + ". " + String.join(", ", searchTerms);
    }
}
