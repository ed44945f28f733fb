#!/usr/bin/env bash
# Benchmark of analytics-service's nightly jobs. Self-contained: brings up PostgreSQL/Redis (infra.sh),
# builds analytics-service (unless SKIP_BUILD=1), starts it on port 18084 with the database
# analytics_bench and a throwaway Redis (16379), then:
#   1. generates, set-based in SQL, the facts of 1,000,000 booking events and 5,000,000 search events
#      spread over the last 90 days (250 catalog services, popularity skewed towards a few):
#        booking events: 680,000 booking.created, 20,000 booking.rescheduled (each closing one booking
#        and opening another), 100,000 booking.cancelled, 190,000 booking.completed, 10,000 booking.no-show
#        search events:  5,000,000 search.performed (60% one service, 10% two, 20% a category of ten,
#        10% nothing found)
#   2. starts the service-analytics job through the API (POST /api/v1/analytics/jobs/service-analytics/runs)
#      and waits for the run to end: the 90-day rollup of every service, its analytics-events event
#   3. the same for the daily report of today.
# Prints the run times as recorded by the service (job_run.started_at .. finished_at) and exits 1 when
# the rollup takes longer than the floor (30 s) or a run does not succeed.
#
# Env: SKIP_BUILD=1, BENCH_ANALYTICS_PORT (18084), BENCH_REDIS_PORT (16379), BENCH_KEEP_DATA=1 to reuse
#      the generated data of an earlier run, ANALYTICS_BENCH_FLOOR_SECONDS (30), JAVA_OPTS.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench-lib.sh
source "${BENCH_DIR}/bench-lib.sh"

ANALYTICS_PORT="${BENCH_ANALYTICS_PORT:-18084}"
ANALYTICS_BASE="http://127.0.0.1:${ANALYTICS_PORT}"
ANALYTICS_DATABASE=analytics_bench
ANALYTICS_LOG="${LOG_DIR}/analytics-bench.log"
FLOOR_SECONDS="${ANALYTICS_BENCH_FLOOR_SECONDS:-30}"
PORT_KNOB='BENCH_ANALYTICS_PORT'

cleanup() {
  stop_bench_jvms "benchmark JVM"
  stop_bench_redis
}

build_analytics() {
  if [[ "${SKIP_BUILD:-0}" == 1 ]]; then
    echo "SKIP_BUILD=1: not building" >&2
    return 0
  fi
  echo "building analytics-service (mvn -B -q -DskipTests -pl analytics-service -am -Dno-launched-services package)" >&2
  (cd "$REPO_ROOT" && mvn -B -q -DskipTests -pl analytics-service -am -Dno-launched-services package)
}

psql_bench() { psql_super -d "$ANALYTICS_DATABASE" "$@"; }

generate_data() {
  if [[ "${BENCH_KEEP_DATA:-0}" == 1 ]] \
    && [[ "$(psql_bench -tAc 'SELECT count(*) FROM search_fact')" -ge 5000000 ]]; then
    echo "BENCH_KEEP_DATA=1: reusing the generated events"
    return 0
  fi
  local start=$EPOCHREALTIME
  echo "generating the facts of 1,000,000 booking events and 5,000,000 search events (set-based SQL)"
  psql_bench <<'SQL'
SET client_min_messages = warning;
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';
TRUNCATE booking_fact, search_fact, search_click, catalog_service_ref, instructor_ref, offering_ref,
         service_analytics, daily_report, job_run, outbox_event, event_log;

-- 250 catalog services in 7 categories (as catalog-service.upserted would have left them).
INSERT INTO catalog_service_ref (service_id, slug, name, category_slug, category_name, active, as_of)
SELECT md5('service-' || g)::uuid, 'service-' || g, 'Service ' || g, 'category-' || (g % 7),
       'Category ' || (g % 7), true, now() - interval '1 year'
FROM generate_series(1, 250) g;

-- Bookings: row g is a booking made at a random time of the last 90 days, of a service drawn with a
-- skew (service 1 is the most booked), by one of 50,000 students with one of 5,000 instructors.
CREATE TEMP TABLE b AS
SELECT g,
       md5('service-' || (1 + floor(250 * power(random(), 2)))::int)::uuid AS service_id,
       md5('student-' || (g % 50000))::uuid AS student_id,
       md5('instructor-' || (g % 5000))::uuid AS instructor_id,
       -- Lessons that end completed or no-show were booked and held at least 3 hours ago.
       CASE WHEN g BETWEEN 140001 AND 340000 THEN now() - interval '3 hours' - random() * interval '87 days'
            ELSE now() - random() * interval '90 days' END AS booked_at,
       (ARRAY[30, 45, 60, 60, 90])[1 + g % 5] AS minutes,
       (30 + g % 70) AS rate
FROM generate_series(1, 700000) g;

-- 680,000 booking.created: rows 20,001..700,000 (rows 1..20,000 are the reschedules' new bookings).
-- Of them 100,000 cancelled, 190,000 completed, 10,000 no-shows, 20,000 rescheduled.
INSERT INTO booking_fact (booking_id, student_id, instructor_id, service_id, start_time, duration_minutes,
                          total_price, booked_at, recorded_at, rescheduled_at, cancelled_at, late_cancel,
                          cancelled_by, completed_at, no_show_at)
SELECT md5('booking-' || g)::uuid, student_id, instructor_id, service_id,
       CASE WHEN g BETWEEN 140001 AND 340000 THEN booked_at + random() * (now() - interval '2 hours' - booked_at)
            ELSE booked_at + interval '1 day' + random() * interval '14 days' END,
       minutes, round(rate * minutes / 60.0, 2), booked_at, booked_at,
       CASE WHEN g BETWEEN 20001 AND 40000 THEN booked_at + random() * (now() - booked_at) END,
       CASE WHEN g BETWEEN 40001 AND 140000 THEN booked_at + random() * (now() - booked_at) END,
       g % 3 = 0 AND g BETWEEN 40001 AND 140000,
       CASE WHEN g BETWEEN 40001 AND 140000 THEN 'student' END,
       NULL, NULL
FROM b WHERE g > 20000;
UPDATE booking_fact f SET completed_at = f.start_time + make_interval(mins => f.duration_minutes + 5)
FROM b WHERE f.booking_id = md5('booking-' || b.g)::uuid AND b.g BETWEEN 140001 AND 330000;
UPDATE booking_fact f SET no_show_at = f.start_time + interval '1 hour'
FROM b WHERE f.booking_id = md5('booking-' || b.g)::uuid AND b.g BETWEEN 330001 AND 340000;
-- 20,000 booking.rescheduled: booking 20,000 + k moved to booking k (same chain, same booked_at).
INSERT INTO booking_fact (booking_id, student_id, instructor_id, service_id, start_time, duration_minutes,
                          total_price, booked_at, recorded_at)
SELECT md5('booking-' || b.g)::uuid, o.student_id, o.instructor_id, o.service_id,
       o.rescheduled_at + interval '2 days', o.duration_minutes, o.total_price, o.booked_at, o.rescheduled_at
FROM b JOIN booking_fact o ON o.booking_id = md5('booking-' || (b.g + 20000))::uuid
WHERE b.g <= 20000;

-- 5,000,000 search.performed over the last 90 days.
INSERT INTO search_fact (search_id, occurred_at, query, match_kind, service_ids, result_count, latency_ms, user_id)
SELECT md5('search-' || g)::uuid,
       now() - random() * interval '90 days',
       'query ' || (g % 3000),
       (ARRAY['service', 'service', 'service', 'service', 'service', 'service', 'services', 'category',
              'category', 'none'])[1 + g % 10],
       CASE g % 10
         WHEN 6 THEN ARRAY[md5('service-' || (1 + g % 250))::uuid, md5('service-' || (1 + (g + 1) % 250))::uuid]
         WHEN 7 THEN ARRAY(SELECT md5('service-' || (1 + (g % 7) + 7 * k))::uuid FROM generate_series(0, 9) k)
         WHEN 8 THEN ARRAY(SELECT md5('service-' || (1 + (g % 7) + 7 * k))::uuid FROM generate_series(0, 9) k)
         WHEN 9 THEN '{}'::uuid[]
         ELSE ARRAY[md5('service-' || (1 + floor(250 * power(random(), 2)))::int)::uuid]
       END,
       CASE WHEN g % 10 = 9 THEN 0 ELSE 1 + g % 40 END,
       5 + random() * 200,
       CASE WHEN g % 3 = 0 THEN md5('student-' || (g % 50000))::uuid END
FROM generate_series(1, 5000000) g;

VACUUM ANALYZE booking_fact;
VACUUM ANALYZE search_fact;
VACUUM ANALYZE catalog_service_ref;
SQL
  echo "generated in $(seconds_since "$start") s:"
  psql_bench -tA <<'SQL'
SELECT format('  booking events: %s created, %s rescheduled, %s cancelled, %s completed, %s no-show = %s',
              count(*) FILTER (WHERE recorded_at = booked_at), count(rescheduled_at), count(cancelled_at),
              count(completed_at), count(no_show_at),
              count(*) FILTER (WHERE recorded_at = booked_at) + count(rescheduled_at) + count(cancelled_at)
              + count(completed_at) + count(no_show_at))
FROM booking_fact;
SELECT format('  search events: %s search.performed', count(*)) FROM search_fact;
SQL
}

# Starts a run of <job> through the API, waits for its end and prints "<status> <seconds> <rows>".
run_job() { # run_job <job> <token>
  local job="$1" token="$2" id status
  id="$(curl -fsS -X POST -H "Authorization: Bearer ${token}" "${ANALYTICS_BASE}/api/v1/analytics/jobs/${job}/runs" \
    | grep -o '"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4)"
  [[ -n "$id" ]] || { echo "the run of ${job} did not start" >&2; return 1; }
  while :; do
    status="$(curl -fsS -H "Authorization: Bearer ${token}" "${ANALYTICS_BASE}/api/v1/analytics/jobs/${job}/runs/${id}" \
      | grep -o '"status":"[a-z]*"' | cut -d'"' -f4)"
    [[ "$status" == running ]] || break
    sleep 0.5
  done
  psql_bench -tA -F' ' -c "SELECT status, round(extract(epoch FROM finished_at - started_at)::numeric, 2), coalesce(rows, 0)
                           FROM job_run WHERE id = '${id}'"
}

main() {
  build_analytics
  ensure_keys
  trap cleanup EXIT
  start_bench_redis
  # The service's start migrates the schema; the data is generated after.
  start_bench_jvm analytics-service "$ANALYTICS_PORT" "$ANALYTICS_DATABASE" "$ANALYTICS_LOG"
  generate_data
  local token status seconds rows failed=0
  token="$("${LOCAL_DIR}/mint-token.sh" --groups admin)"

  echo "service-analytics: 90-day rollup of every service"
  read -r status seconds rows < <(run_job service-analytics "$token")
  local rollup_verdict=PASS
  if [[ "$status" != succeeded ]] || ! awk -v s="$seconds" -v f="$FLOOR_SECONDS" 'BEGIN { exit !(s <= f) }'; then
    rollup_verdict=FAIL
    failed=1
  fi
  local rollup="service-analytics (90 days)|${status}|${seconds}|${rows}|<= ${FLOOR_SECONDS} s|${rollup_verdict}"

  echo "daily-report: today"
  read -r status seconds rows < <(run_job daily-report "$token")
  local report_verdict=PASS
  [[ "$status" == succeeded ]] || { report_verdict=FAIL; failed=1; }
  local report="daily-report (today)|${status}|${seconds}|${rows}|-|${report_verdict}"

  echo
  echo "analytics-service benchmark (1,000,000 booking events, 5,000,000 search events, 250 services, $(nproc) cores)"
  {
    echo "job|status|seconds|rows|floor|result"
    echo "$rollup"
    echo "$report"
  } | awk -F'|' '{ printf "%-30s %-10s %8s %6s  %-10s %s\n", $1, $2, $3, $4, $5, $6 }'
  return "$failed"
}

main "$@"
