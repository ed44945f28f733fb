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
LOCAL_DIR="$(cd "${BENCH_DIR}/../local" && pwd)"
# shellcheck source=../local/infra.sh
source "${LOCAL_DIR}/infra.sh"
# shellcheck source=../local/services.sh
source "${LOCAL_DIR}/services.sh"

SERVICE=catalog-service
PORT="${BENCH_PORT:-18081}"
BASE_URL="http://127.0.0.1:${PORT}"
DATABASE=catalog_bench
DURATION="${BENCH_DURATION:-20s}"
WARMUP="${BENCH_WARMUP:-10s}"
INSTRUCTORS=10000
BENCH_REDIS_PORT="${BENCH_REDIS_PORT:-16379}"
BENCH_REDIS_DIR="${RUN_DIR}/bench-redis"
JVM_LOG="${LOG_DIR}/catalog-bench.log"
READY_TIMEOUT=180

JVM_PID=""
RESULTS=() # "endpoint|mode|req/s|p50 ms|p99 ms|errors|floor|verdict"
FAILED=0

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_bench_redis() {
  if port_in_use "$BENCH_REDIS_PORT"; then
    echo "port ${BENCH_REDIS_PORT} (bench Redis) is already in use; set BENCH_REDIS_PORT" >&2
    return 1
  fi
  mkdir -p "$BENCH_REDIS_DIR" "$LOG_DIR"
  # No persistence: a throwaway cache for this run only.
  redis-server --daemonize yes --bind 127.0.0.1 --port "$BENCH_REDIS_PORT" --dir "$BENCH_REDIS_DIR" \
    --save '' --appendonly no --pidfile "${BENCH_REDIS_DIR}/redis.pid" \
    --logfile "${LOG_DIR}/bench-redis.log" >/dev/null
  local _
  for _ in $(seq 1 50); do
    [[ "$(redis-cli -p "$BENCH_REDIS_PORT" ping 2>/dev/null)" == PONG ]] && return 0
    sleep 0.2
  done
  echo "bench Redis did not start" >&2
  return 1
}

stop_bench_redis() { redis-cli -p "$BENCH_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; }

start_jvm() { # start_jvm [NAME=value...]
  if port_in_use "$PORT"; then
    echo "port ${PORT} is already in use (a leftover benchmark JVM?); set BENCH_PORT" >&2
    return 1
  fi
  echo "starting ${SERVICE} on port ${PORT} (database ${DATABASE}) $*"
  JVM_PID="$(REDIS_PORT="$BENCH_REDIS_PORT" REDIS_HOST=127.0.0.1 \
    start_service_jvm "$SERVICE" "$PORT" "$DATABASE" "$JVM_LOG" "$@")"
  wait_http_ok "${BASE_URL}/q/health/ready" "$READY_TIMEOUT" "$JVM_LOG" "$JVM_PID"
}

stop_jvm() {
  [[ -n "$JVM_PID" ]] || return 0
  stop_pid "$JVM_PID" "benchmark ${SERVICE}"
  JVM_PID=""
}

cleanup() {
  stop_jvm || true
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
  printf 'demo data loaded in %.1f s\n' "$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')"
}

# wrk prints latencies with a unit (us, ms, s, m); prints the value in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
    if (f < 0) { print "nan"; exit }
    printf "%.2f", n * f
  }'
}

# run_wrk <endpoint label> <mode> <connections> <url> <min req/s or -> <max p99 ms>
run_wrk() {
  local label="$1" mode="$2" conns="$3" url="$4" min_rps="$5" max_p99="$6"
  curl -fsS -o /dev/null "$url" # fail early if the endpoint does not answer 2xx
  # JIT warm-up: the first seconds of a fresh JVM measure the compiler, not the service.
  echo "warm-up: wrk -t1 -c${conns} -d${WARMUP} (discarded)"
  wrk -t1 -c"$conns" -d"$WARMUP" "$url" >/dev/null
  echo "wrk -t1 -c${conns} -d${DURATION} --latency ${url}"
  local out
  out="$(wrk -t1 -c"$conns" -d"$DURATION" --latency "$url")"
  echo "$out"

  local rps p50 p99 errors
  rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  # Non-2xx answers and socket errors make the throughput meaningless: count them.
  errors="$(awk '/Non-2xx or 3xx responses:/ { n += $NF }
                 /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 }
                 END { print n + 0 }' <<<"$out")"

  local floor verdict=PASS
  if [[ "$min_rps" != - ]]; then
    floor=">= ${min_rps} req/s, p99 <= ${max_p99} ms"
    awk -v r="$rps" -v m="$min_rps" 'BEGIN { exit !(r >= m) }' || verdict=FAIL
  else
    floor="p99 <= ${max_p99} ms"
  fi
  awk -v p="$p99" -v m="$max_p99" 'BEGIN { exit !(p != "nan" && p <= m) }' || verdict=FAIL
  (( errors == 0 )) || verdict=FAIL
  [[ "$verdict" == PASS ]] || FAILED=1
  RESULTS+=("${label}|${mode}|${rps}|${p50}|${p99}|${errors}|${floor}|${verdict}")
}

print_summary() {
  echo
  echo "catalog-service benchmark (${INSTRUCTORS} instructors, ${DURATION} per run, $(nproc) cores)"
  {
    echo "endpoint|mode|req/s|p50 ms|p99 ms|errors|floor|result"
    printf '%s\n' "${RESULTS[@]}"
  } | awk -F'|' '{ printf "%-46s %-9s %8s %8s %8s %7s  %-30s %s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
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

  print_summary
  return "$FAILED"
}

main "$@"
