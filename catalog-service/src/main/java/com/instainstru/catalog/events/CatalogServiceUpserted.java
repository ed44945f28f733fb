package com.instainstru.catalog.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code catalog-service.upserted}: a catalog service was created or changed (or retired: active false).
 * {@code version} rises with every change of the service (consumers keep the highest they have seen).
 */
public record CatalogServiceUpserted(UUID serviceId, String slug, String name, String categorySlug, String categoryName,
        List<String> searchTerms, List<String> relatedSlugs, boolean onlineCapable, boolean active,
        String description, int displayOrder, boolean requiresCertification, long version) {

    public static final String TYPE = "catalog-service.upserted";
}
