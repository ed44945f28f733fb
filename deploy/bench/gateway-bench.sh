#!/usr/bin/env bash
# Benchmark of the gateway. Self-contained: brings up PostgreSQL/Redis (infra.sh), builds (unless
# SKIP_BUILD=1), starts its own gateway (port 19080) in front of its own catalog-service (19081,
# 10,000 demo instructors of seed 7 as in the other benchmarks), search-service (19082: its read
# model is rebuilt when empty), booking-service (19083) and analytics-service (19084), on databases
# <service>_gwbench and a throwaway Redis (19379; all below the ephemeral port range, so no outgoing
# connection can be holding one). Its own ports, databases and Redis let it run
# while the other benchmarks (18081-18084, *_bench, 16379) or a local up.sh (8080-8084) run. Then,
# each run after a discarded JIT warm-up, the same requests to the service directly and through the
# gateway, in the same run:
#   1) proxy overhead: GET /api/v1/catalog/services/piano (an answer catalog-service caches), with
#      1 client (latency of one request alone) and with 8        wrk -t1 -c1 / -c8 -d20s, each way
#   2) GET /api/v1/home (assembled by the gateway, kept 5 s): 8 clients, where the floor is judged
#      (it asks for 3,000 req/s, far below saturation), then 32 (saturation) as a figure
#                                                                      wrk -t1 -c8 / -c32 -d20s
#   3) GET /api/v1/search for 20 queries asked over and over (answers from search's own 10-second
#      cache, so the gateway's share is what differs)                 wrk -t1 -c16 -d20s, each way
# The gateway runs as configured for production (access log on, rate limits counted in Redis on
# every request) except that the limits are set too high to be reached by a benchmark from one IP.
# Prints a summary against the floors (2 cores):
#   proxy overhead (gateway p50 - direct p50, 1 client) <= 1 ms
#   /api/v1/home >= 3,000 req/s with p99 <= 15 ms (8 clients)
# and exits 1 when a floor is missed.
#
# Env: SKIP_BUILD=1, BENCH_DURATION (default 20s), BENCH_WARMUP (discarded JIT warm-up, default 10s),
#      BENCH_GATEWAY_PORT (19080; the services take the next four ports), BENCH_REDIS_PORT (19379),
#      BENCH_HOME_CONNECTIONS (8), BENCH_SEARCH_CONNECTIONS (16), JAVA_OPTS,
#      BENCH_GATEWAY_ENV: more NAME=value settings for the gateway only, to see where its time goes,
#      e.g. "QUARKUS_HTTP_ACCESS_LOG_ENABLED=false GATEWAY_RATE_LIMIT_ENABLED=false".
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_REDIS_PORT="${BENCH_REDIS_PORT:-19379}" # read by bench-lib.sh
# shellcheck source=bench-lib.sh
source "${BENCH_DIR}/bench-lib.sh"

GATEWAY_PORT="${BENCH_GATEWAY_PORT:-19080}"
CATALOG_PORT=$((GATEWAY_PORT + 1))
SEARCH_PORT=$((GATEWAY_PORT + 2))
BOOKING_PORT=$((GATEWAY_PORT + 3))
ANALYTICS_PORT=$((GATEWAY_PORT + 4))
PORT_KNOB=BENCH_GATEWAY_PORT
GATEWAY_BASE="http://127.0.0.1:${GATEWAY_PORT}"
CATALOG_BASE="http://127.0.0.1:${CATALOG_PORT}"
SEARCH_BASE="http://127.0.0.1:${SEARCH_PORT}"
BOOKING_BASE="http://127.0.0.1:${BOOKING_PORT}"
ANALYTICS_BASE="http://127.0.0.1:${ANALYTICS_PORT}"
HOME_CONNECTIONS="${BENCH_HOME_CONNECTIONS:-8}"
HOME_SATURATION_CONNECTIONS=32
SEARCH_CONNECTIONS="${BENCH_SEARCH_CONNECTIONS:-16}"
INSTRUCTORS=10000
SEED=7 # the catalog demo data of catalog-bench.sh, booking-bench.sh and search-bench.sh
PROXIED_PATH=/api/v1/catalog/services/piano
SEARCH_LUA="${BENCH_DIR}/search-bench.lua"
# Floors
MAX_OVERHEAD_P50=1
MIN_HOME_RPS=3000
MAX_HOME_P99=15
# Limits no benchmark from one address reaches: the counting itself (a Redis script per request) stays.
NO_LIMIT=1000000000

SETTLE_TIMEOUT=30
WORK_DIR="" # temp dir: the search queries
NOTES=() # what settle() had to wait for
OVERHEAD=() # "clients|direct p50|gateway p50|p50 overhead|direct p99|gateway p99|p99 overhead|floor|result"

cleanup() {
  stop_bench_jvms "benchmark JVM"
  stop_bench_redis
  [[ -z "$WORK_DIR" ]] || rm -rf "$WORK_DIR"
}

start_services() {
  start_bench_jvm catalog-service "$CATALOG_PORT" catalog_gwbench "${LOG_DIR}/gateway-bench-catalog.log" \
    CATALOG_CACHE_ENABLED=true BOOKING_URL="$BOOKING_BASE"
  start_bench_jvm booking-service "$BOOKING_PORT" booking_gwbench "${LOG_DIR}/gateway-bench-booking.log" \
    CATALOG_URL="$CATALOG_BASE"
  local start=$EPOCHREALTIME answer
  echo "loading catalog demo data: ${INSTRUCTORS} instructors (seed ${SEED}; nothing to do if they are there)"
  answer="$(post_demo_data "$CATALOG_BASE" "{\"instructors\":${INSTRUCTORS},\"seed\":${SEED}}" 1800)"
  echo "catalog demo data in $(seconds_since "$start") s: ${answer:0:200}"
  start_bench_jvm search-service "$SEARCH_PORT" search_gwbench "${LOG_DIR}/gateway-bench-search.log" \
    CATALOG_URL="$CATALOG_BASE" BOOKING_URL="$BOOKING_BASE"
  start_bench_jvm analytics-service "$ANALYTICS_PORT" analytics_gwbench "${LOG_DIR}/gateway-bench-analytics.log" \
    CATALOG_URL="$CATALOG_BASE" ANALYTICS_JOBS_SERVICE_ANALYTICS_CRON=off ANALYTICS_JOBS_DAILY_REPORT_CRON=off
  # BENCH_GATEWAY_ENV is deliberately unquoted: several NAME=value words.
  # shellcheck disable=SC2086
  start_bench_jvm gateway "$GATEWAY_PORT" gateway_gwbench "${LOG_DIR}/gateway-bench.log" \
    JWT_PRIVATE_KEY_LOCATION="${KEYS_DIR}/jwt-private.pem" \
    CATALOG_URL="$CATALOG_BASE" SEARCH_URLS="$SEARCH_BASE" BOOKING_URL="$BOOKING_BASE" ANALYTICS_URL="$ANALYTICS_BASE" \
    GATEWAY_RATE_LIMIT_PER_IP="$NO_LIMIT" GATEWAY_RATE_LIMIT_PER_USER="$NO_LIMIT" ${BENCH_GATEWAY_ENV:-}
}

# Waits (up to SETTLE_TIMEOUT seconds) until <url> answers 200 three times in a row, with <text> in
# the body when given, and fails with the last answer otherwise. Run before each warm-up and each
# measured run: when wrk stops, its clients drop the requests they have in flight, and the gateway
# counts those as failures of the service (its circuit breaker may open and answer 503 for a few
# seconds, and a homepage assembled meanwhile lacks that service's parts). What was waited for is
# said, and repeated under the summary.
settle() { # settle <url> [text the body must hold]
  local url="$1" text="${2:-}" out status ok=0 seen="" start=$SECONDS
  out="$(mktemp)"
  while (( ok < 3 )); do
    status="$(curl -sS -o "$out" -w '%{http_code}' --max-time 10 "$url")" || status=000
    if [[ "$status" == 200 ]] && { [[ -z "$text" ]] || grep -qF "$text" "$out"; }; then
      ok=$((ok + 1))
      continue
    fi
    ok=0
    if [[ "$status" == 200 ]]; then
      seen="HTTP 200 without ${text}"
    else
      seen="HTTP ${status}: $(head -c 300 "$out")"
    fi
    if (( SECONDS - start >= SETTLE_TIMEOUT )); then
      echo "GET ${url} did not settle in ${SETTLE_TIMEOUT} s; last answer ${seen}" >&2
      rm -f "$out"
      return 1
    fi
    sleep 0.5
  done
  echo "GET ${url} -> 200, $(wc -c <"$out") bytes"
  rm -f "$out"
  if [[ -n "$seen" ]]; then
    NOTES+=("waited $((SECONDS - start)) s for GET ${url} to answer as it should; it had answered ${seen:0:160}")
    echo "NOTE: ${NOTES[-1]}"
  fi
}

# Answers other than 2xx in the last run (WRK_OUT): wrk counts them, the throughput would lie.
non_2xx() { awk '/Non-2xx or 3xx responses:/ { n += $NF } END { print n + 0 }' <<<"$WRK_OUT"; }

# run_get <label> <mode> <connections> <url> <min req/s or -> <max p99 ms or -> [text the body must hold]:
# one GET, warmed up.
run_get() {
  local label="$1" mode="$2" conns="$3" url="$4" text="${7:-}"
  echo
  echo "== ${label} (${mode}, ${conns} clients)"
  settle "$url" "$text"
  warm_up_wrk "$conns" "$url"
  settle "$url" "$text"
  measure_wrk "$conns" "$url"
  record_result "$label" "$mode" "$WRK_OUT" "$(non_2xx)" "$5" "$6"
}

# p50 and p99 (ms) of the last run, as "p50 p99".
latencies() {
  echo "$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$WRK_OUT")")" \
    "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$WRK_OUT")")"
}

# The proxy overhead with <connections> clients: the same GET directly and through the gateway.
# With <judged> = yes the p50 difference is held to its floor.
measure_overhead() { # measure_overhead <connections> <judged: yes|no>
  local conns="$1" judged="$2" d50 d99 g50 g99
  run_get "GET ${PROXIED_PATH}" direct "$conns" "${CATALOG_BASE}${PROXIED_PATH}" - -
  read -r d50 d99 < <(latencies)
  run_get "GET ${PROXIED_PATH}" gateway "$conns" "${GATEWAY_BASE}${PROXIED_PATH}" - -
  read -r g50 g99 < <(latencies)
  local o50 o99 floor="-" verdict="-"
  o50="$(awk -v a="$g50" -v b="$d50" 'BEGIN { printf "%.2f", a - b }')"
  o99="$(awk -v a="$g99" -v b="$d99" 'BEGIN { printf "%.2f", a - b }')"
  if [[ "$judged" == yes ]]; then
    floor="p50 overhead <= ${MAX_OVERHEAD_P50} ms"
    verdict=PASS
    awk -v o="$o50" -v m="$MAX_OVERHEAD_P50" 'BEGIN { exit !(o <= m) }' || { verdict=FAIL; FAILED=1; }
  fi
  OVERHEAD+=("${conns}|${d50}|${g50}|${o50}|${d99}|${g99}|${o99}|${floor}|${verdict}")
}

# Writes ${WORK_DIR}/queries.txt: 20 searches (request paths), one per line, asked in turn.
write_queries() {
  python3 - "${WORK_DIR}/queries.txt" <<'PY'
import sys, urllib.parse
queries = ["piano lessons", "guitar under $60", "spanish tutor tomorrow", "yoga in brooklyn", "sat prep for teens",
           "math tutor online", "violin for kids", "swimming lessons this weekend", "chess coach",
           "french conversation", "drum lessons after 5pm", "salsa dancing", "python programming",
           "singing lessons for beginners", "english as a second language", "tennis coach in queens",
           "art classes for kids", "chemistry tutor", "photography lessons", "meditation online"]
with open(sys.argv[1], "w") as f:
    f.writelines("/api/v1/search?limit=20&q=" + urllib.parse.quote(q) + "\n" for q in queries)
PY
}

# run_search <mode: direct|gateway> <base url>: the 20 queries over and over, warmed up. The Lua
# script of search-bench.sh checks every answer (200 with timings) and reports the server's time.
run_search() {
  local mode="$1" base="$2" errors
  echo
  echo "== GET /api/v1/search, 20 repeated queries (${mode}, ${SEARCH_CONNECTIONS} clients)"
  local first
  first="${base}$(head -n 1 "${WORK_DIR}/queries.txt")"
  settle "$first"
  warm_up_wrk "$SEARCH_CONNECTIONS" -s "$SEARCH_LUA" "$base" -- "${WORK_DIR}/queries.txt" 0 1 repeated
  settle "$first"
  measure_wrk "$SEARCH_CONNECTIONS" -s "$SEARCH_LUA" "$base" -- "${WORK_DIR}/queries.txt" 0 1 repeated
  errors="$(awk '/^bench: next_k=/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "errors") print kv[2] } }' \
    <<<"$WRK_OUT")"
  record_result "GET /api/v1/search (20 repeated queries)" "$mode" "$WRK_OUT" "${errors:-1}" - -
}

report() {
  echo
  echo "proxy overhead: GET ${PROXIED_PATH}, the same run directly and through the gateway (ms)"
  {
    echo "clients|direct p50|gateway p50|overhead p50|direct p99|gateway p99|overhead p99|floor|result"
    printf '%s\n' "${OVERHEAD[@]}"
  } | awk -F'|' '{ printf "%-8s %10s %11s %12s %10s %11s %12s  %-28s %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }'
  local note
  for note in "${NOTES[@]}"; do echo "note: ${note}"; done
  [[ -z "${BENCH_GATEWAY_ENV:-}" ]] || echo "gateway settings from BENCH_GATEWAY_ENV: ${BENCH_GATEWAY_ENV}"
  report_results "gateway benchmark (${INSTRUCTORS} instructors, ${DURATION} per run, wrk -t1, $(nproc) cores)" 44 8
}

main() {
  command -v python3 >/dev/null || apt_install python3
  build_services
  ensure_keys
  WORK_DIR="$(mktemp -d)"
  trap cleanup EXIT
  start_bench_redis
  start_services

  measure_overhead 1 yes
  measure_overhead 8 no
  # Measured only as a whole page (no part left out); the floor is judged below saturation, then the
  # page is driven to saturation as a figure.
  run_get "GET /api/v1/home" gateway "$HOME_CONNECTIONS" "${GATEWAY_BASE}/api/v1/home" "$MIN_HOME_RPS" "$MAX_HOME_P99" \
    '"unavailable":[]'
  run_get "GET /api/v1/home" gateway "$HOME_SATURATION_CONNECTIONS" "${GATEWAY_BASE}/api/v1/home" - - \
    '"unavailable":[]'
  write_queries
  run_search direct "$SEARCH_BASE"
  run_search gateway "$GATEWAY_BASE"

  report
}

main "$@"
