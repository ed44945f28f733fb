package com.instainstru.analytics.rollup;

import com.instainstru.platform.web.Amounts;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The analytics of one catalog service for one day. */
@Schema(name = "ServiceAnalytics", description = "A catalog service's analytics over the 90 days up to asOfDate; the prices, "
        + "rates and most-booked length are null when the window has nothing to measure them on")
public record ServiceAnalyticsResponse(
        @Schema(example = "2c4b7a1e-8a51-3b73-9a0b-5d8f7a1c2e33") UUID serviceId,
        @Schema(example = "piano", nullable = true, description = "null until analytics has learned the service from catalog's events")
        String slug,
        @Schema(example = "Piano", nullable = true, description = "null until analytics has learned the service from catalog's events")
        String name,
        @Schema(example = "music", nullable = true, description = "null until analytics has learned the service from catalog's events")
        String categorySlug,
        @Schema(example = "2026-11-25") LocalDate asOfDate,
        @Schema(description = "End of the window (exclusive)") OffsetDateTime windowEnd,
        UUID runId,
        @Schema(example = "12") int searches7d,
        @Schema(example = "40") int searches30d,
        @Schema(example = "95") int searches90d,
        @Schema(example = "3") int bookings7d,
        @Schema(example = "11") int bookings30d,
        @Schema(example = "30") int bookings90d,
        @Schema(example = "21") int distinctStudents,
        @Schema(description = "Instructors with a booking of the service in the 90 days", example = "6") int activeInstructors,
        @Schema(example = "45.00", nullable = true) BigDecimal priceP25,
        @Schema(example = "60.00", nullable = true) BigDecimal priceP50,
        @Schema(example = "80.00", nullable = true) BigDecimal priceP75,
        @Schema(example = "63.50", nullable = true) BigDecimal priceAvg,
        @Schema(description = "Most-booked lesson length in minutes", example = "60", nullable = true) Integer mostBookedDuration,
        @Schema(example = "0.82", nullable = true) Double completionRate,
        @Schema(example = "0.1", nullable = true) Double cancellationRate,
        @Schema(description = "30-day bookings per 30-day search", example = "0.275", nullable = true) Double conversionRate,
        @Schema(description = "0 to 100", example = "87.5") double demandScore,
        boolean trending,
        @Schema(description = "0 to 1, used for ranking", example = "0.64") double popularity) {

    /** The currency of the prices (also when there are none yet: the field is always there); a getter, so that Jackson and OpenAPI list it. */
    @Schema(description = Amounts.CURRENCY_DESCRIPTION, example = Amounts.CURRENCY, enumeration = Amounts.CURRENCY)
    public String getCurrency() {
        return Amounts.CURRENCY;
    }

    static final String COLUMNS = """
            a.service_id, r.slug, r.name, r.category_slug, a.as_of_date, a.window_end, a.run_id,
            a.searches_7d, a.searches_30d, a.searches_90d, a.bookings_7d, a.bookings_30d, a.bookings_90d,
            a.distinct_students, a.active_instructors, a.price_p25, a.price_p50, a.price_p75, a.price_avg,
            a.top_duration, a.completion_rate, a.cancellation_rate, a.conversion_rate, a.demand_score, a.trending,
            a.popularity""";

    static ServiceAnalyticsResponse of(Row r) {
        return new ServiceAnalyticsResponse(r.getUUID("service_id"), r.getString("slug"), r.getString("name"),
                r.getString("category_slug"), r.getLocalDate("as_of_date"), r.getOffsetDateTime("window_end"),
                r.getUUID("run_id"), r.getInteger("searches_7d"), r.getInteger("searches_30d"),
                r.getInteger("searches_90d"), r.getInteger("bookings_7d"), r.getInteger("bookings_30d"),
                r.getInteger("bookings_90d"), r.getInteger("distinct_students"), r.getInteger("active_instructors"),
                r.getBigDecimal("price_p25"), r.getBigDecimal("price_p50"), r.getBigDecimal("price_p75"),
                r.getBigDecimal("price_avg"), r.getInteger("top_duration"), r.getDouble("completion_rate"),
                r.getDouble("cancellation_rate"), r.getDouble("conversion_rate"), r.getDouble("demand_score"),
                r.getBoolean("trending"), r.getDouble("popularity"));
    }

    /** The latest day's analytics of every service, most popular first. */
    @Schema(name = "ServiceAnalyticsList")
    public record Listing(@Schema(description = "The day of the latest analytics (null before the first run)", example = "2026-11-25",
            nullable = true) LocalDate asOfDate, List<ServiceAnalyticsResponse> services) {
    }
}
