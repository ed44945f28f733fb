package com.instainstru.gateway.web.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What the pages read of catalog-service's and the homepage's answers (other fields are ignored). Amounts come with
 * the {@code currency} the service says beside them (ISO 4217), which the pages write them in ({@code Formats.money}).
 */
public final class CatalogViews {

    private CatalogViews() {
    }

    public record PriceRange(BigDecimal min, BigDecimal max, String currency) {
    }

    public record Category(UUID id, String slug, String name, String subtitle, int serviceCount) {
    }

    public record ServiceSummary(UUID id, String slug, String name, String categorySlug, int instructorCount,
            PriceRange priceRange, boolean trending) {
    }

    public record CategoryHighlights(String slug, String name, String subtitle, List<ServiceSummary> services) {
    }

    public record TrendingService(UUID id, String slug, String name, String categorySlug, boolean trending) {
    }

    public record TrendingSearch(String query, long count) {
    }

    /** GET /api/v1/home. */
    public record Home(List<Category> categories, List<CategoryHighlights> topPerCategory,
            List<TrendingService> trendingServices, List<TrendingSearch> trendingSearches, List<String> unavailable) {

        public Home {
            categories = categories == null ? List.of() : categories;
            topPerCategory = topPerCategory == null ? List.of() : topPerCategory;
            trendingServices = trendingServices == null ? List.of() : trendingServices;
            trendingSearches = trendingSearches == null ? List.of() : trendingSearches;
            unavailable = unavailable == null ? List.of() : unavailable;
        }
    }

    public record CatalogService(UUID id, String slug, String name, String description, int instructorCount,
            PriceRange priceRange) {
    }

    public record CategoryServices(String slug, String name, String subtitle, List<CatalogService> services) {
    }

    /** GET /api/v1/catalog/all. */
    public record Catalog(List<CategoryServices> categories, int serviceCount, int instructorCount) {
    }

    public record Offering(UUID id, UUID catalogServiceId, String serviceSlug, String serviceName, String categorySlug,
            BigDecimal hourlyRate, List<Integer> durationOptions, List<String> levels, List<String> ageGroups,
            List<String> locationTypes, String description, boolean active, String currency) {

        public Offering {
            durationOptions = durationOptions == null ? List.of() : durationOptions;
            levels = levels == null ? List.of() : levels;
            ageGroups = ageGroups == null ? List.of() : ageGroups;
            locationTypes = locationTypes == null ? List.of() : locationTypes;
        }

        public boolean offers(int minutes) {
            return durationOptions.contains(minutes);
        }
    }

    /** GET /api/v1/instructors/{id}. */
    public record Instructor(UUID id, String name, String bio, int yearsExperience, String timeZone, List<String> areas,
            boolean teachesOnline, boolean teachesAtStudio, boolean travelsToStudents, String status,
            List<Offering> offerings) {

        public Instructor {
            areas = areas == null ? List.of() : areas;
            offerings = offerings == null ? List.of() : offerings;
        }

        public List<Offering> activeOfferings() {
            return offerings.stream().filter(Offering::active).toList();
        }

        /** The active offering with this id, of this catalog service, or the first one. */
        public Offering offering(String idOrService) {
            List<Offering> active = activeOfferings();
            return active.stream().filter(o -> o.id().toString().equals(idOrService)
                    || o.catalogServiceId().toString().equals(idOrService) || o.serviceSlug().equals(idOrService))
                    .findFirst().orElse(active.isEmpty() ? null : active.get(0));
        }
    }
}
