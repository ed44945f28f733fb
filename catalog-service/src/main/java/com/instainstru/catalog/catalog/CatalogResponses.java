package com.instainstru.catalog.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.instainstru.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the catalog's read endpoints answer; a value that is not there is left out (null is never written). */
public final class CatalogResponses {

    private CatalogResponses() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Category")
    public record CategoryResponse(
            UUID id,
            @Schema(example = "music") String slug,
            @Schema(example = "Music") String name,
            @Schema(example = "Instrument Voice Theory") String subtitle,
            @Schema(example = "music-note") String iconName,
            int displayOrder,
            @Schema(description = "Catalog services of this category that have at least one active instructor")
            int serviceCount) {
    }

    @Schema(name = "PriceRange", description = "Hourly rates (USD) of the active instructors offering a service")
    public record PriceRange(@Schema(example = "45.00") BigDecimal min, @Schema(example = "120.00") BigDecimal max) {


        /** The currency of min and max; a getter, so that Jackson and OpenAPI list it. */
        @Schema(description = Amounts.CURRENCY_DESCRIPTION, example = Amounts.CURRENCY, enumeration = Amounts.CURRENCY)
        public String getCurrency() {
            return Amounts.CURRENCY;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ServiceAnalytics", description = "Read-only figures from the nightly analytics run")
    public record ServiceAnalytics(Double popularity, Double demandScore, boolean trending, Integer bookings30d,
            Integer searches30d, BigDecimal priceP25, BigDecimal priceP50, BigDecimal priceP75, OffsetDateTime asOf) {


        /** The currency of the price percentiles (also without them: the field is always there); a getter, so that Jackson and OpenAPI list it. */
        @Schema(description = Amounts.CURRENCY_DESCRIPTION, example = Amounts.CURRENCY, enumeration = Amounts.CURRENCY)
        public String getCurrency() {
            return Amounts.CURRENCY;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CatalogService")
    public record ServiceResponse(
            UUID id,
            @Schema(example = "piano") String slug,
            @Schema(example = "Piano") String name,
            @Schema(example = "music") String categorySlug,
            @Schema(example = "Music") String categoryName,
            String description,
            int displayOrder,
            boolean onlineCapable,
            boolean requiresCertification,
            List<String> searchTerms,
            List<String> relatedSlugs,
            boolean active,
            @Schema(description = "Active instructors offering this service") int instructorCount,
            PriceRange priceRange,
            ServiceAnalytics analytics,
            @Schema(description = "Rises with every change of the service; the version its events carry") long version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ServiceSummary", description = "A service as the homepage shows it")
    public record ServiceSummary(UUID id, String slug, String name, String categorySlug, int displayOrder,
            boolean onlineCapable, int instructorCount, PriceRange priceRange, Double popularity, boolean trending) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CategoryHighlights", description = "A category with its top bookable services")
    public record CategoryHighlights(
            UUID id, String slug, String name, String subtitle, String iconName, int displayOrder,
            List<ServiceSummary> services) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CategoryWithServices")
    public record CategoryServices(
            UUID id, String slug, String name, String subtitle, String iconName, int displayOrder,
            List<ServiceResponse> services) {
    }

    @Schema(name = "Catalog")
    public record CatalogResponse(List<CategoryServices> categories, int serviceCount, int instructorCount) {
    }
}
