package com.instainstru.analytics.report;

import com.instainstru.analytics.infra.AnalyticsConfig;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Amounts;
import com.instainstru.platform.web.Caller;
import com.instainstru.platform.web.Dates;
import com.instainstru.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bookings and searches per day (the business time zone's days), straight from the facts, for the admin's charts:
 * every day of the range is present, with zeros where nothing happened. Bookings count as the daily report counts
 * them (made that day, a reschedule is no new booking); searches are every search, and those that found nothing.
 */
@Path("/api/v1/analytics/activity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Daily reports", description = "The nightly report of each day (admin)")
public class ActivityResource {

    static final String PER_DAY = """
            WITH range AS (SELECT ($1::date)::timestamp AT TIME ZONE $3 AS t0,
                                  ($2::date + 1)::timestamp AT TIME ZONE $3 AS t1),
            made AS (
                SELECT (f.booked_at AT TIME ZONE $3)::date AS day, count(*) AS bookings,
                       coalesce(sum(f.total_price), 0) AS value
                FROM booking_fact f, range r
                WHERE f.booked_at >= r.t0 AND f.booked_at < r.t1 AND f.recorded_at = f.booked_at
                GROUP BY 1),
            searched AS (
                SELECT (s.occurred_at AT TIME ZONE $3)::date AS day, count(*) AS searches,
                       count(*) FILTER (WHERE s.result_count = 0) AS zero
                FROM search_fact s, range r
                WHERE s.occurred_at >= r.t0 AND s.occurred_at < r.t1
                GROUP BY 1)
            SELECT d::date AS day, coalesce(m.bookings, 0) AS bookings, coalesce(m.value, 0) AS value,
                   coalesce(s.searches, 0) AS searches, coalesce(s.zero, 0) AS zero
            FROM generate_series($1::date, $2::date, interval '1 day') AS d
            LEFT JOIN made m ON m.day = d::date
            LEFT JOIN searched s ON s.day = d::date
            ORDER BY d
            """;

    @Inject
    Pool pool;

    @Inject
    AnalyticsConfig config;

    @Inject
    Clock clock;

    @Schema(name = "DayActivity")
    public record DayActivity(LocalDate date, long bookings, BigDecimal grossBookingValue, long searches,
            long zeroResultSearches) {

        /** The currency of grossBookingValue; a getter, so that Jackson and OpenAPI list it. */
        @Schema(description = Amounts.CURRENCY_DESCRIPTION, example = Amounts.CURRENCY, enumeration = Amounts.CURRENCY)
        public String getCurrency() {
            return Amounts.CURRENCY;
        }

    }

    @Schema(name = "Activity")
    public record Activity(String zone, LocalDate from, LocalDate to, List<DayActivity> days) {
    }

    @GET
    @Operation(summary = "Bookings made and searches (and those that found nothing) per day over the last N days "
            + "(default 90, at most 400) ending on 'to' (default today), in the business time zone")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Activity.class)))
    @APIResponse(responseCode = "400", description = "days outside 1..400, or a malformed or future date")
    public Uni<Activity> activity(@QueryParam("days") String days, @QueryParam("to") String to) {
        ZoneId zone = ZoneId.of(config.zone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int n = QueryParams.intIn("days", days, 90, 1, 400);
        LocalDate last = Dates.parse("to", to, today);
        if (last.isAfter(today)) {
            throw ApiException.invalid("to", "is in the future");
        }
        LocalDate first = last.minusDays(n - 1L);
        return pool.preparedQuery(PER_DAY).execute(Tuple.of(first, last, zone.getId())).map(rows -> {
            List<DayActivity> result = new ArrayList<>(n);
            for (Row r : rows) {
                result.add(new DayActivity(r.getLocalDate("day"), r.getLong("bookings"), r.getBigDecimal("value"),
                        r.getLong("searches"), r.getLong("zero")));
            }
            return new Activity(zone.getId(), first, last, result);
        });
    }
}
