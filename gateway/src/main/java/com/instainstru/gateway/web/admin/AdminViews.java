package com.instainstru.gateway.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the admin's pages read of the services' answers (other fields are ignored). */
public final class AdminViews {

    private AdminViews() {
    }

    /** GET /api/v1/analytics/activity. */
    public record Activity(String zone, LocalDate from, LocalDate to, List<DayActivity> days) {

        public Activity {
            days = days == null ? List.of() : days;
        }
    }

    public record DayActivity(LocalDate date, long bookings, BigDecimal grossBookingValue, long searches,
            long zeroResultSearches, String currency) {
    }

    public record ServiceFigures(UUID serviceId, String slug, String name, String categorySlug, int searches30d,
            int bookings30d, BigDecimal priceP50, boolean trending, String currency) {
    }

    /** GET /api/v1/analytics/services. */
    public record ServiceListing(LocalDate asOfDate, List<ServiceFigures> services) {

        public ServiceListing {
            services = services == null ? List.of() : services;
        }
    }

    public record TrendingService(UUID id, String slug, String name, boolean trending) {
    }

    public record TrendingSearch(String query, long count) {
    }

    /** GET /api/v1/analytics/trending. */
    public record Trending(List<TrendingService> services, List<TrendingSearch> searches) {

        public Trending {
            services = services == null ? List.of() : services;
            searches = searches == null ? List.of() : searches;
        }
    }

    /** GET /api/v1/analytics/reports/latest: the figures are shown by name, as the report holds them. */
    public record DailyReport(LocalDate date, OffsetDateTime computedAt, JsonNode report) {
    }

    public record JobRun(UUID id, String job, LocalDate asOfDate, String trigger, String status, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, Integer rows, String error) {
    }

    public record Offering(String serviceName, boolean active) {
    }

    /** An instructor as catalog-service answers an admin's lookup. */
    public record Instructor(UUID id, String name, String status, List<String> areas, List<Offering> offerings) {

        public Instructor {
            areas = areas == null ? List.of() : areas;
            offerings = offerings == null ? List.of() : offerings;
        }
    }

    public record InstructorPage(List<Instructor> items, String nextCursor, long total) {

        public InstructorPage {
            items = items == null ? List.of() : items;
        }
    }

    public record Stats(UUID instructorId, long confirmed, long upcoming, long completed, long cancelled, long noShows,
            BigDecimal earnings, String currency) {
    }

    public record Service(UUID id, String slug, String name, String categorySlug, String description, int displayOrder,
            boolean onlineCapable, boolean requiresCertification, List<String> searchTerms, List<String> relatedSlugs,
            boolean active, int instructorCount) {

        public Service {
            searchTerms = searchTerms == null ? List.of() : searchTerms;
            relatedSlugs = relatedSlugs == null ? List.of() : relatedSlugs;
        }

        public String terms() {
            return String.join(", ", searchTerms);
        }
    }

    public record Category(String slug, String name, List<Service> services) {

        public Category {
            services = services == null ? List.of() : services;
        }
    }

    /** GET /api/v1/catalog/all?include=all. */
    public record Catalog(List<Category> categories) {

        public Catalog {
            categories = categories == null ? List.of() : categories;
        }
    }
}
