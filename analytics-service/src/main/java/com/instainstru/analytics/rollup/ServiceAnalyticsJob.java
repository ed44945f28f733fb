package com.instainstru.analytics.rollup;

import com.instainstru.analytics.infra.AnalyticsConfig;
import com.instainstru.analytics.jobs.AnalyticsJob;
import com.instainstru.platform.outbox.EventOutbox;
import com.instainstru.platform.web.Amounts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Service analytics over a 90-day window ending at the end of the day, for every catalog service (and any
 * service the events name): one DELETE of the day and one INSERT ... SELECT computing every figure from
 * the facts, then {@code service-analytics.updated} into the outbox, all in the run's transaction.
 *
 * <p>Definitions (windows are whole days in the business time zone, counted back from the window end):
 * <ul>
 * <li>bookings N days: bookings made in the window and not cancelled by the window end; a reschedule
 * keeps the booking's chain (it is not a new booking) and counts once;</li>
 * <li>searches N days: searches whose match was specific (matchKind service or services) naming the
 * service; a category-wide or failed search is no one service's demand;</li>
 * <li>distinct students, active instructors: of the 90-day bookings;</li>
 * <li>lessons: bookings whose lesson started in the 90 days; completion and cancellation rates are shares
 * of them; price percentiles and average are over the completed ones' total price;</li>
 * <li>most-booked duration: the most frequent length of the 90-day bookings (the shorter on a tie);</li>
 * <li>conversion: 30-day bookings per 30-day search (null without searches);</li>
 * <li>demand score: 100 × ln(1 + d) / ln(1 + max d), d = searches 30d + 4 × bookings 30d, so the busiest
 * service scores 100 and one without demand 0;</li>
 * <li>trending: the 7-day daily average of (bookings + searches) above 1.2 × the 30-day daily average;</li>
 * <li>popularity: 0.7 × bookings30d / max + 0.3 × searches30d / max, scaled so the top service is 1.</li>
 * </ul>
 */
@ApplicationScoped
public class ServiceAnalyticsJob implements AnalyticsJob {

    public static final String NAME = "service-analytics";
    static final String UPDATED = "service-analytics.updated";

    @Inject
    AnalyticsConfig config;

    @Inject
    EventOutbox outbox;

    @Override
    public String name() {
        return NAME;
    }

    static final String ROLLUP = """
            WITH b AS (
                SELECT $3::timestamptz AS t_end,
                       (($3::timestamptz AT TIME ZONE $4) - interval '7 days') AT TIME ZONE $4 AS t7,
                       (($3::timestamptz AT TIME ZONE $4) - interval '30 days') AT TIME ZONE $4 AS t30,
                       (($3::timestamptz AT TIME ZONE $4) - interval '90 days') AT TIME ZONE $4 AS t90),
            made AS (
                SELECT f.service_id,
                       count(*) FILTER (WHERE f.booked_at >= b.t7)::int AS b7,
                       count(*) FILTER (WHERE f.booked_at >= b.t30)::int AS b30,
                       count(*)::int AS b90,
                       count(DISTINCT f.student_id)::int AS students,
                       count(DISTINCT f.instructor_id)::int AS instructors,
                       mode() WITHIN GROUP (ORDER BY f.duration_minutes) AS top_duration
                FROM booking_fact f, b
                WHERE f.booked_at >= b.t90 AND f.booked_at < b.t_end
                  AND f.recorded_at < b.t_end AND (f.rescheduled_at IS NULL OR f.rescheduled_at >= b.t_end)
                  AND (f.cancelled_at IS NULL OR f.cancelled_at >= b.t_end)
                GROUP BY f.service_id),
            lessons AS (
                SELECT f.service_id,
                       count(*)::int AS due,
                       count(*) FILTER (WHERE f.completed_at < b.t_end)::int AS completed,
                       count(*) FILTER (WHERE f.cancelled_at < b.t_end)::int AS cancelled,
                       percentile_cont(0.25) WITHIN GROUP (ORDER BY f.total_price) FILTER (WHERE f.completed_at < b.t_end) AS p25,
                       percentile_cont(0.50) WITHIN GROUP (ORDER BY f.total_price) FILTER (WHERE f.completed_at < b.t_end) AS p50,
                       percentile_cont(0.75) WITHIN GROUP (ORDER BY f.total_price) FILTER (WHERE f.completed_at < b.t_end) AS p75,
                       avg(f.total_price) FILTER (WHERE f.completed_at < b.t_end) AS avg_price
                FROM booking_fact f, b
                WHERE f.start_time >= b.t90 AND f.start_time < b.t_end
                  AND (f.recorded_at IS NULL OR f.recorded_at < b.t_end)
                  AND (f.rescheduled_at IS NULL OR f.rescheduled_at >= b.t_end)
                GROUP BY f.service_id),
            searches AS (
                SELECT u.service_id,
                       count(*) FILTER (WHERE s.occurred_at >= b.t7)::int AS s7,
                       count(*) FILTER (WHERE s.occurred_at >= b.t30)::int AS s30,
                       count(*)::int AS s90
                FROM search_fact s CROSS JOIN b CROSS JOIN LATERAL unnest(s.service_ids) AS u(service_id)
                WHERE s.occurred_at >= b.t90 AND s.occurred_at < b.t_end AND s.match_kind IN ('service', 'services')
                GROUP BY u.service_id),
            ids AS (
                SELECT service_id FROM catalog_service_ref WHERE active
                UNION SELECT service_id FROM made
                UNION SELECT service_id FROM lessons
                UNION SELECT service_id FROM searches),
            j AS (
                SELECT i.service_id,
                       coalesce(s.s7, 0) AS s7, coalesce(s.s30, 0) AS s30, coalesce(s.s90, 0) AS s90,
                       coalesce(m.b7, 0) AS b7, coalesce(m.b30, 0) AS b30, coalesce(m.b90, 0) AS b90,
                       coalesce(m.students, 0) AS students, coalesce(m.instructors, 0) AS instructors,
                       m.top_duration, l.p25, l.p50, l.p75, l.avg_price,
                       CASE WHEN l.due > 0 THEN l.completed::float8 / l.due END AS completion_rate,
                       CASE WHEN l.due > 0 THEN l.cancelled::float8 / l.due END AS cancellation_rate,
                       CASE WHEN s.s30 > 0 THEN coalesce(m.b30, 0)::float8 / s.s30 END AS conversion_rate,
                       coalesce(s.s30, 0) + 4 * coalesce(m.b30, 0) AS demand
                FROM ids i
                LEFT JOIN made m ON m.service_id = i.service_id
                LEFT JOIN lessons l ON l.service_id = i.service_id
                LEFT JOIN searches s ON s.service_id = i.service_id
                WHERE i.service_id IS NOT NULL),
            scaled AS (
                SELECT j.*,
                       max(demand) OVER () AS max_demand,
                       0.7 * CASE WHEN max(b30) OVER () > 0 THEN b30::float8 / max(b30) OVER () ELSE 0 END
                     + 0.3 * CASE WHEN max(s30) OVER () > 0 THEN s30::float8 / max(s30) OVER () ELSE 0 END AS pop
                FROM j),
            scored AS (SELECT scaled.*, max(pop) OVER () AS max_pop FROM scaled)
            INSERT INTO service_analytics (as_of_date, service_id, run_id, window_end,
                searches_7d, searches_30d, searches_90d, bookings_7d, bookings_30d, bookings_90d,
                distinct_students, active_instructors, price_p25, price_p50, price_p75, price_avg, top_duration,
                completion_rate, cancellation_rate, conversion_rate, demand_score, trending, popularity)
            SELECT $2, service_id, $1, $3, s7, s30, s90, b7, b30, b90, students, instructors,
                   round(p25::numeric, 2), round(p50::numeric, 2), round(p75::numeric, 2), round(avg_price, 2),
                   top_duration, completion_rate, cancellation_rate, conversion_rate,
                   CASE WHEN max_demand > 0 THEN round((100 * ln(1 + demand) / ln(1 + max_demand))::numeric, 1)::float8
                        ELSE 0 END,
                   (b7 + s7) / 7.0 > 1.2 * (b30 + s30) / 30.0,
                   CASE WHEN max_pop > 0 THEN least(1, round((pop / max_pop)::numeric, 4))::float8 ELSE 0 END
            FROM scored""";

    @Override
    public Uni<Integer> run(SqlConnection conn, UUID runId, LocalDate asOf, OffsetDateTime windowEnd) {
        return conn.preparedQuery("DELETE FROM service_analytics WHERE as_of_date = $1").execute(Tuple.of(asOf))
                .chain(() -> conn.preparedQuery(ROLLUP).execute(Tuple.of(runId, asOf, windowEnd, config.zone())))
                .flatMap(inserted -> published(conn, asOf)
                        .flatMap(services -> outbox.record(conn, UPDATED,
                                new ServiceAnalyticsUpdated(runId, windowEnd, asOf, services)))
                        .replaceWith(inserted.rowCount()));
    }

    private Uni<List<ServiceAnalyticsUpdated.Service>> published(SqlConnection conn, LocalDate asOf) {
        return conn.preparedQuery("""
                        SELECT service_id, popularity, demand_score, trending, bookings_30d, searches_30d,
                               price_p25, price_p50, price_p75
                        FROM service_analytics WHERE as_of_date = $1 ORDER BY popularity DESC, service_id""")
                .execute(Tuple.of(asOf))
                .map(rows -> {
                    List<ServiceAnalyticsUpdated.Service> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new ServiceAnalyticsUpdated.Service(r.getUUID("service_id"), r.getDouble("popularity"),
                                r.getDouble("demand_score"), r.getBoolean("trending"), r.getInteger("bookings_30d"),
                                r.getInteger("searches_30d"), r.getBigDecimal("price_p25"), r.getBigDecimal("price_p50"),
                                r.getBigDecimal("price_p75")));
                    }
                    return out;
                });
    }

    /**
     * {@code service-analytics.updated}: the figures search and the catalog use, for every service; each service's
     * {@code currency} is that of its prices (none in an event written before it was sent: USD).
     */
    public record ServiceAnalyticsUpdated(UUID runId, OffsetDateTime asOf, LocalDate date, List<Service> services) {

        public record Service(UUID serviceId, double popularity, double demandScore, boolean trending, int bookings30d,
                int searches30d, BigDecimal priceP25, BigDecimal priceP50, BigDecimal priceP75)
                implements Amounts.Priced {
        }
    }
}
