package com.instainstru.analytics.report;

import com.instainstru.analytics.infra.AnalyticsConfig;
import com.instainstru.analytics.jobs.AnalyticsJob;
import com.instainstru.platform.outbox.EventOutbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The daily report of one day (midnight to midnight in the business time zone, 23 or 25 hours on the
 * days clocks change): one INSERT ... SELECT that builds the whole report as JSON from the facts, replacing
 * the day's previous report, then {@code daily-report.ready} into the outbox.
 *
 * <p>Bookings are the bookings made that day (a reschedule is not a new booking); cancellations those
 * cancelled that day, late ones apart; gross booking value the total price of that day's bookings; new
 * instructors those first seen in catalog events that day; new students those whose first booking was
 * that day; active instructors and students those with a booking made or a lesson held that day.
 *
 * <p>Trending searches (what the homepage may show, after {@code analytics.trending.min-searchers}) are not
 * the searches' text, which anyone can make up: only searches that matched one catalog service and found
 * results, named by that service, counted by distinct signed-in searchers (anonymous searches carry no one
 * to count, and many requests by one searcher are one).
 */
@ApplicationScoped
public class DailyReportJob implements AnalyticsJob {

    public static final String NAME = "daily-report";
    static final String READY = "daily-report.ready";

    @Inject
    AnalyticsConfig config;

    @Inject
    EventOutbox outbox;

    @Override
    public String name() {
        return NAME;
    }

    static final String REPORT = """
            WITH d AS (SELECT ($1::date)::timestamp AT TIME ZONE $3 AS t0, $2::timestamptz AS t1),
            made AS (
                SELECT f.* FROM booking_fact f, d
                WHERE f.booked_at >= d.t0 AND f.booked_at < d.t1 AND f.recorded_at = f.booked_at),
            held AS (
                SELECT f.* FROM booking_fact f, d
                WHERE f.start_time >= d.t0 AND f.start_time < d.t1
                  AND (f.rescheduled_at IS NULL OR f.rescheduled_at >= d.t1)
                  AND (f.cancelled_at IS NULL OR f.cancelled_at >= d.t1)),
            cancelled AS (
                SELECT f.* FROM booking_fact f, d WHERE f.cancelled_at >= d.t0 AND f.cancelled_at < d.t1),
            searched AS (
                SELECT s.* FROM search_fact s, d WHERE s.occurred_at >= d.t0 AND s.occurred_at < d.t1),
            people AS (
                SELECT instructor_id, student_id FROM made UNION SELECT instructor_id, student_id FROM held)
            SELECT jsonb_build_object(
                'date', $1::date,
                'from', (SELECT t0 FROM d),
                'to', (SELECT t1 FROM d),
                'bookings', (SELECT count(*) FROM made),
                'grossBookingValue', (SELECT coalesce(sum(total_price), 0) FROM made),
                'cancellations', (SELECT count(*) FROM cancelled),
                'lateCancellations', (SELECT count(*) FROM cancelled WHERE late_cancel),
                'cancelledValue', (SELECT coalesce(sum(total_price), 0) FROM cancelled),
                'currency', 'USD',
                'reschedules', (SELECT count(*) FROM booking_fact f, d WHERE f.rescheduled_at >= d.t0 AND f.rescheduled_at < d.t1),
                'lessonsCompleted', (SELECT count(*) FROM booking_fact f, d WHERE f.completed_at >= d.t0 AND f.completed_at < d.t1),
                'noShows', (SELECT count(*) FROM booking_fact f, d WHERE f.no_show_at >= d.t0 AND f.no_show_at < d.t1),
                'newInstructors', (SELECT count(*) FROM instructor_ref i, d WHERE i.first_seen_at >= d.t0 AND i.first_seen_at < d.t1),
                'activeInstructors', (SELECT count(DISTINCT instructor_id) FROM people),
                'newStudents', (SELECT count(DISTINCT m.student_id) FROM made m, d WHERE m.student_id IS NOT NULL
                                  AND NOT EXISTS (SELECT 1 FROM booking_fact o WHERE o.student_id = m.student_id
                                                  AND o.booked_at < d.t0)),
                'activeStudents', (SELECT count(DISTINCT student_id) FROM people),
                'searches', (SELECT count(*) FROM searched),
                'zeroResultSearchCount', (SELECT count(*) FROM searched WHERE result_count = 0),
                'resultClicks', (SELECT count(*) FROM search_click c, d WHERE c.occurred_at >= d.t0 AND c.occurred_at < d.t1),
                'searchLatencyMs', (SELECT jsonb_build_object(
                        'p50', round(percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms)::numeric, 1),
                        'p95', round(percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)::numeric, 1),
                        'max', round(max(latency_ms)::numeric, 1))
                    FROM searched WHERE latency_ms IS NOT NULL),
                'topServices', (SELECT coalesce(jsonb_agg(t ORDER BY t.bookings DESC, t."grossBookingValue" DESC, t."serviceId"), '[]')
                    FROM (SELECT m.service_id AS "serviceId", r.name, r.slug, count(*) AS bookings,
                                 coalesce(sum(m.total_price), 0) AS "grossBookingValue", 'USD' AS currency
                          FROM made m LEFT JOIN catalog_service_ref r ON r.service_id = m.service_id
                          GROUP BY m.service_id, r.name, r.slug
                          ORDER BY count(*) DESC, coalesce(sum(m.total_price), 0) DESC, m.service_id LIMIT 10) t),
                'topSearches', (SELECT coalesce(jsonb_agg(t ORDER BY t.count DESC, t.query), '[]')
                    FROM (SELECT lower(btrim(query)) AS query, count(*) AS count, round(avg(result_count), 1) AS "avgResults"
                          FROM searched GROUP BY lower(btrim(query))
                          ORDER BY count(*) DESC, lower(btrim(query)) LIMIT 10) t),
                'trendingSearches', (SELECT coalesce(jsonb_agg(t ORDER BY t.searchers DESC, t.name), '[]')
                    FROM (SELECT r.service_id AS "serviceId", r.name, r.slug, count(DISTINCT s.user_id) AS searchers
                          FROM searched s JOIN catalog_service_ref r ON r.service_id = s.service_ids[1]
                          WHERE s.match_kind = 'service' AND cardinality(s.service_ids) = 1 AND s.result_count > 0
                            AND s.user_id IS NOT NULL AND r.name IS NOT NULL
                          GROUP BY r.service_id, r.name, r.slug
                          ORDER BY count(DISTINCT s.user_id) DESC, r.name LIMIT 20) t),
                'zeroResultSearches', (SELECT coalesce(jsonb_agg(t ORDER BY t.count DESC, t.query), '[]')
                    FROM (SELECT lower(btrim(query)) AS query, count(*) AS count
                          FROM searched WHERE result_count = 0 GROUP BY lower(btrim(query))
                          ORDER BY count(*) DESC, lower(btrim(query)) LIMIT 20) t),
                'slowestSearches', (SELECT coalesce(jsonb_agg(t ORDER BY t."latencyMs" DESC, t."searchId"), '[]')
                    FROM (SELECT search_id AS "searchId", query, latency_ms AS "latencyMs", occurred_at AS "occurredAt",
                                 result_count AS "resultCount"
                          FROM searched WHERE latency_ms IS NOT NULL
                          ORDER BY latency_ms DESC, search_id LIMIT 10) t))
            """;

    @Override
    public Uni<Integer> run(SqlConnection conn, UUID runId, LocalDate asOf, OffsetDateTime windowEnd) {
        return conn.preparedQuery("INSERT INTO daily_report (report_date, run_id, window_end, body) "
                        + "SELECT $1, $4, $2, body FROM (" + REPORT + ") AS report(body) "
                        + "ON CONFLICT (report_date) DO UPDATE SET run_id = EXCLUDED.run_id, "
                        + "window_end = EXCLUDED.window_end, body = EXCLUDED.body, computed_at = now()")
                .execute(Tuple.of(asOf, windowEnd, config.zone(), runId))
                .flatMap(rows -> outbox.record(conn, READY, new DailyReportReady(runId, asOf)).replaceWith(rows.rowCount()));
    }

    /** {@code daily-report.ready}. */
    public record DailyReportReady(UUID runId, LocalDate date) {
    }
}
