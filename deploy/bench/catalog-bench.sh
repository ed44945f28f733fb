#!/usr/bin/env bash
# Benchmark of catalog-service. Self-contained: brings up PostgreSQL/Redis (infra.sh), builds
# (unless SKIP_BUILD=1), starts its own catalog-service JVM on port 18081 against database
# catalog_bench, with its own throwaway Redis (so neither the cache nor the catalog-events
# stream is shared with a local up.sh deployment), loads 10,000 demo instructors, then:
#   a) cached   GET /api/v1/catalog/top-per-category?limit=6   wrk -t1 -c32 -d20s
#   b) uncached GET /api/v1/catalog/all (CATALOG_CACHE_ENABLED=false)   wrk -t1 -c4 -d20s
# and prints a summary against the floors. Exits 1 when a floor is missed.
#
# Env: SKIP_BUILD=1, BENCH_DURATION (default 20s), BENCH_WARMUP (discarded JIT warm-up, default 10s), BENCH_PORT (18081), BENCH_REDIS_PORT (16379),
#      JAVA_OPTS.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench-lib.sh
source "${BENCH_DIR}/bench-lib.sh"

SERVICE=catalog-service
PORT="${BENCH_PORT:-18081}"
PORT_KNOB=BENCH_PORT
BASE_URL="http://127.0.0.1:${PORT}"
DATABASE=catalog_bench
INSTRUCTORS=10000
JVM_LOG="${LOG_DIR}/catalog-bench.log"

start_jvm() { start_bench_jvm "$SERVICE" "$PORT" "$DATABASE" "$JVM_LOG" "$@"; } # start_jvm [NAME=value...]
stop_jvm() { stop_bench_jvms "benchmark ${SERVICE}"; }

cleanup() {
  stop_jvm
  stop_bench_redis
}

load_demo_data() {
  echo "loading demo data: ${INSTRUCTORS} instructors"
  local start=$EPOCHREALTIME
  curl -fsS --max-time 1800 -o /dev/null -X POST \
    -H "Authorization: Bearer $("${LOCAL_DIR}/mint-token.sh" --groups admin)" \
    -H 'Content-Type: application/json' \
    -d "{\"instructors\":${INSTRUCTORS},\"seed\":7}" \
    "${BASE_URL}/api/v1/admin/demo-data"
  echo "demo data loaded in $(seconds_since "$start") s"
}

# run_wrk <endpoint label> <mode> <connections> <url> <min req/s or -> <max p99 ms>
run_wrk() {
  local label="$1" mode="$2" conns="$3" url="$4" min_rps="$5" max_p99="$6"
  curl -fsS -o /dev/null "$url" # fail early if the endpoint does not answer 2xx
  warm_up_wrk "$conns" "$url"
  measure_wrk "$conns" "$url"
  # Non-2xx answers make the throughput meaningless: count them.
  local non_2xx
  non_2xx="$(awk '/Non-2xx or 3xx responses:/ { n += $NF } END { print n + 0 }' <<<"$WRK_OUT")"
  record_result "$label" "$mode" "$WRK_OUT" "$non_2xx" "$min_rps" "$max_p99"
}

main() {
  build_services
  ensure_keys
  trap cleanup EXIT
  start_bench_redis

  start_jvm CATALOG_CACHE_ENABLED=true
  load_demo_data
  run_wrk "GET /api/v1/catalog/top-per-category?limit=6" cached 32 \
    "${BASE_URL}/api/v1/catalog/top-per-category?limit=6" 5000 10

  stop_jvm
  start_jvm CATALOG_CACHE_ENABLED=false
  run_wrk "GET /api/v1/catalog/all" uncached 4 "${BASE_URL}/api/v1/catalog/all" - 50

  report_results "catalog-service benchmark (${INSTRUCTORS} instructors, ${DURATION} per run, $(nproc) cores)" 46 9
}

main "$@"
