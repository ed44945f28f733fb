#!/usr/bin/env bash
# What the benchmarks share: the local infrastructure and services helpers (../local), a throwaway
# Redis, benchmark JVMs, wrk runs (discarded JIT warm-up, measured run) and the summary of the
# results against their floors. Sourced by catalog-bench.sh and booking-bench.sh, not run alone.
#
# Env: BENCH_DURATION (default 20s), BENCH_WARMUP (discarded JIT warm-up, default 10s),
#      BENCH_REDIS_PORT (16379).
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOCAL_DIR="$(cd "${BENCH_LIB_DIR}/../local" && pwd)"
# shellcheck source=../local/infra.sh
source "${LOCAL_DIR}/infra.sh"
# shellcheck source=../local/services.sh
source "${LOCAL_DIR}/services.sh"

DURATION="${BENCH_DURATION:-20s}"
WARMUP="${BENCH_WARMUP:-10s}"
BENCH_REDIS_PORT="${BENCH_REDIS_PORT:-16379}"
BENCH_REDIS_DIR="${RUN_DIR}/bench-redis"
READY_TIMEOUT=180
PORT_KNOB='BENCH_*_PORT' # the env knob(s) named when a benchmark port is taken

JVM_PIDS=() # started by start_bench_jvm, stopped by stop_bench_jvms
RESULTS=() # "endpoint|mode|req/s|p50 ms|p99 ms|errors|floor|verdict"
FAILED=0

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_bench_redis() {
  if port_in_use "$BENCH_REDIS_PORT"; then
    echo "port ${BENCH_REDIS_PORT} (bench Redis) is already in use; set BENCH_REDIS_PORT" >&2
    return 1
  fi
  mkdir -p "$BENCH_REDIS_DIR" "$LOG_DIR"
  # No persistence: a throwaway cache and event streams for this run only.
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

# Starts a service JVM on the bench Redis and waits until it is ready.
start_bench_jvm() { # start_bench_jvm <module> <port> <database> <log> [NAME=value...]
  local name="$1" port="$2" db="$3" log="$4"; shift 4
  if port_in_use "$port"; then
    echo "port ${port} is already in use (a leftover benchmark JVM?); set ${PORT_KNOB}" >&2
    return 1
  fi
  echo "starting ${name} on port ${port} (database ${db}) $*"
  local pid
  # One address sends everything in a benchmark: the services' own per-client read limits are off, and
  # tokens minted for a long run may live longer than the 15 minutes allowed in production.
  pid="$(REDIS_PORT="$BENCH_REDIS_PORT" REDIS_HOST=127.0.0.1 start_service_jvm "$name" "$port" "$db" "$log" \
    READ_LIMITS_ENABLED=false JWT_MAX_LIFETIME_SECONDS=7200 "$@")"
  JVM_PIDS+=("$pid")
  wait_http_ok "http://127.0.0.1:$(management_port "$port")/q/health/ready" "$READY_TIMEOUT" "$log" "$pid"
}

# Stops every JVM started by start_bench_jvm; <description> names them in the messages.
stop_bench_jvms() { # stop_bench_jvms <description>
  local what="$1" pid
  for pid in "${JVM_PIDS[@]}"; do
    stop_pid "$pid" "$what" || true
  done
  JVM_PIDS=()
}

seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# wrk prints latencies with a unit (us, ms, s, m); prints the value in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
    if (f < 0) { print "nan"; exit }
    printf "%.2f", n * f
  }'
}

# Prints the wrk command line of <wrk arguments>, with the path of a -s script shortened to its name.
show_wrk() { # show_wrk <wrk arguments...>
  local line="wrk" arg prev=""
  for arg in "$@"; do
    [[ "$prev" == -s ]] && arg="$(basename "$arg")"
    line+=" ${arg}"
    prev="$arg"
  done
  echo "$line"
}

# JIT warm-up: the first seconds of a fresh JVM measure the compiler, not the service.
warm_up_wrk() { # warm_up_wrk <connections> <wrk arguments (url, -s script ...)...>
  local conns="$1"; shift
  echo "warm-up: wrk -t1 -c${conns} -d${WARMUP} (discarded)"
  wrk -t1 -c"$conns" -d"$WARMUP" "$@" >/dev/null
}

# The measured run: prints its command line and wrk's output, and leaves the output in WRK_OUT.
WRK_OUT=""
measure_wrk() { # measure_wrk <connections> <wrk arguments (url, -s script ...)...>
  local conns="$1"; shift
  show_wrk -t1 -c"$conns" -d"$DURATION" --latency "$@"
  # Other work on the same cores (a build, another benchmark) shows in the tail latencies: say how busy it was.
  local before
  before="$(cut -d' ' -f1 /proc/loadavg)"
  WRK_OUT="$(wrk -t1 -c"$conns" -d"$DURATION" --latency "$@")"
  echo "$WRK_OUT"
  echo "load average (1 min) before/after the run: ${before}/$(cut -d' ' -f1 /proc/loadavg)"
}

# Adds a row to RESULTS and sets FAILED when a floor is missed. The errors are <answer errors> (the
# answers the benchmark counts as wrong) plus the socket errors in <wrk output>. With both floors "-"
# the row is a figure only: errors still fail it.
record_result() { # record_result <label> <mode> <wrk output> <answer errors> <min req/s or -> <max p99 ms or ->
  local label="$1" mode="$2" out="$3" answer_errors="${4:-0}" min_rps="$5" max_p99="$6"
  local rps p50 p99 errors
  rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  errors="$(awk -v n="$answer_errors" '/Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 }
                                        END { print n + 0 }' <<<"$out")"
  local floor verdict=PASS
  if [[ "$min_rps" != - ]]; then
    floor=">= ${min_rps} req/s, p99 <= ${max_p99} ms"
    awk -v r="$rps" -v m="$min_rps" 'BEGIN { exit !(r >= m) }' || verdict=FAIL
  elif [[ "$max_p99" != - ]]; then
    floor="p99 <= ${max_p99} ms"
  else
    floor="-"
  fi
  if [[ "$max_p99" != - ]]; then
    awk -v p="$p99" -v m="$max_p99" 'BEGIN { exit !(p != "nan" && p <= m) }' || verdict=FAIL
  fi
  (( errors == 0 )) || verdict=FAIL
  [[ "$verdict" == PASS ]] || FAILED=1
  RESULTS+=("${label}|${mode}|${rps}|${p50}|${p99}|${errors}|${floor}|${verdict}")
}

# Prints the summary table of RESULTS; returns 1 when a floor was missed.
report_results() { # report_results <title> <endpoint column width> <mode column width>
  echo
  echo "$1"
  {
    echo "endpoint|mode|req/s|p50 ms|p99 ms|errors|floor|result"
    printf '%s\n' "${RESULTS[@]}"
  } | awk -F'|' -v w1="$2" -v w2="$3" \
    '{ printf "%-" w1 "s %-" w2 "s %8s %8s %8s %7s  %-30s %s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
  return "$FAILED"
}
