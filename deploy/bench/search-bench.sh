#!/usr/bin/env bash
# Benchmark of search-service. Self-contained: brings up PostgreSQL/Redis (infra.sh), builds
# (unless SKIP_BUILD=1), starts its own catalog-service (port 18081, database catalog_bench) and
# booking-service (port 18083, database booking_bench) on a throwaway Redis (16379), loads 10,000
# catalog demo instructors and their demo availability and bookings, then:
#   1) search-service (port 18082) on a freshly dropped and recreated database search_bench: its
#      read model is rebuilt from catalog's and booking's REST APIs; prints how long that took
#   2) search-service restarted on the full read model: process start to /q/health/ready
#   3) uncached: GET /api/v1/search?q=...&limit=20, every request a different natural-language
#      query (a service, search term or category of the bench catalog, with prices, dates, times
#      of day, lengths, levels/ages, NYC areas, online/in person, each about as often as in the dev
#      set of student queries), so none can come from the 10-second repeated-query cache
#                                                                         wrk -t2 -c16 -d20s
#   4) cached: 20 queries asked over and over                             wrk -t2 -c16 -d20s
# Each run follows a discarded JIT warm-up (the uncached warm-up asks other queries than the
# measured run). The Lua script (search-bench.lua) reads every answer: timings.totalMs is the
# server time, and an answer to a distinct query that says timings.cached=true is an error, like
# any answer other than 200. Prints a summary against the floors (2 cores, 10,000 instructors):
#   uncached: >= 300 searches/s, server time p50 <= 10 ms and p99 <= 30 ms
#   cached:   server time p99 <= 5 ms (the floors are in server time; the summary also shows
#             what wrk saw, which at ~10k req/s on the same two cores is mostly the client's own queueing)
#   search-service start to ready (full read model) <= 5 s
# and exits 1 when a floor is missed.
#
# Env: SKIP_BUILD=1, BENCH_DURATION (default 20s), BENCH_WARMUP (discarded JIT warm-up, default 10s),
#      BENCH_CATALOG_PORT (18081), BENCH_SEARCH_PORT (18082), BENCH_BOOKING_PORT (18083),
#      BENCH_REDIS_PORT (16379), BENCH_CONNECTIONS (16), BENCH_THREADS (wrk threads, 2),
#      BENCH_QUERIES (distinct queries generated, 150000), JAVA_OPTS.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench-lib.sh
source "${BENCH_DIR}/bench-lib.sh"

CATALOG_PORT="${BENCH_CATALOG_PORT:-18081}"
SEARCH_PORT="${BENCH_SEARCH_PORT:-18082}"
BOOKING_PORT="${BENCH_BOOKING_PORT:-18083}"
PORT_KNOB='BENCH_CATALOG_PORT/BENCH_SEARCH_PORT/BENCH_BOOKING_PORT'
CATALOG_BASE="http://127.0.0.1:${CATALOG_PORT}"
SEARCH_BASE="http://127.0.0.1:${SEARCH_PORT}"
BOOKING_BASE="http://127.0.0.1:${BOOKING_PORT}"
CATALOG_DATABASE=catalog_bench
SEARCH_DATABASE=search_bench
BOOKING_DATABASE=booking_bench
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
THREADS="${BENCH_THREADS:-2}"
QUERIES="${BENCH_QUERIES:-150000}"
REPEATED_QUERIES=20
INSTRUCTORS=10000
# The catalog demo data is idempotent per seed: the seed of catalog-bench.sh and booking-bench.sh,
# so that the shared catalog_bench keeps exactly these 10,000 instructors.
SEED=7
DEMO_DAYS=28 # search-service looks 28 days ahead
DEMO_BOOKINGS=2000
LUA="${BENCH_DIR}/search-bench.lua"
CATALOG_LOG="${LOG_DIR}/search-bench-catalog.log"
BOOKING_LOG="${LOG_DIR}/search-bench-booking.log"
REBUILD_LOG="${LOG_DIR}/search-bench-rebuild.log" # the first start, on the empty read model
SEARCH_LOG="${LOG_DIR}/search-bench.log"
# Floors
MIN_UNCACHED_RPS=300
MAX_UNCACHED_P50=10
MAX_UNCACHED_P99=30
MAX_CACHED_P99=5
MAX_READY_SECONDS=5

WORK_DIR="" # temp dir: the generated queries
SEARCH_PID=""
STARTUP=() # "what|seconds|floor|result"
SUMMARY=() # "run|req/s|wrk p50|wrk p99|server p50|server p99|errors|floor|result"

cleanup() {
  stop_bench_jvms "benchmark JVM"
  stop_bench_redis
  [[ -z "$WORK_DIR" ]] || rm -rf "$WORK_DIR"
}

load_demo_data() {
  local start=$EPOCHREALTIME answer total
  echo "loading catalog demo data: ${INSTRUCTORS} instructors (seed ${SEED})"
  answer="$(post_demo_data "$CATALOG_BASE" "{\"instructors\":${INSTRUCTORS},\"seed\":${SEED}}" 1800)"
  echo "catalog demo data loaded in $(seconds_since "$start") s: ${answer:0:200}"
  total="$(curl -fsS "${CATALOG_BASE}/api/v1/instructors?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')"
  if (( total != INSTRUCTORS )); then
    echo "${CATALOG_DATABASE} holds ${total} instructors, not ${INSTRUCTORS} (demo data of another seed?);" \
      "drop it (psql as postgres: DROP DATABASE ${CATALOG_DATABASE}) and run again" >&2
    return 1
  fi
  start=$EPOCHREALTIME
  echo "loading booking demo data: availability for ${DEMO_DAYS} days, ${DEMO_BOOKINGS} bookings"
  answer="$(post_demo_data "$BOOKING_BASE" "{\"days\":${DEMO_DAYS},\"bookings\":${DEMO_BOOKINGS}}" 1800)"
  echo "booking demo data loaded in $(seconds_since "$start") s: ${answer}"
}

# An empty read model: search_bench dropped and created again (with its extensions, by infra.sh).
reset_search_database() {
  echo "dropping and recreating ${SEARCH_DATABASE}"
  psql_super -d postgres -c 'SET client_min_messages = warning' \
    -c "DROP DATABASE IF EXISTS ${SEARCH_DATABASE} WITH (FORCE)" >/dev/null
  setup_databases
}

# Starts search-service on the bench Redis and the bench catalog/booking; waits (polling every 0.1 s)
# until /q/health/ready (management port) answers 200 and sets READY_SECONDS to the time from process start.
READY_SECONDS=""
start_search() { # start_search <log>
  local log="$1"
  if port_in_use "$SEARCH_PORT"; then
    echo "port ${SEARCH_PORT} is already in use (a leftover benchmark JVM?); set BENCH_SEARCH_PORT" >&2
    return 1
  fi
  echo "starting search-service on port ${SEARCH_PORT} (database ${SEARCH_DATABASE})"
  local start=$EPOCHREALTIME deadline=$((SECONDS + READY_TIMEOUT))
  SEARCH_PID="$(REDIS_PORT="$BENCH_REDIS_PORT" REDIS_HOST=127.0.0.1 start_service_jvm search-service \
    "$SEARCH_PORT" "$SEARCH_DATABASE" "$log" CATALOG_URL="$CATALOG_BASE" BOOKING_URL="$BOOKING_BASE" \
    READ_LIMITS_ENABLED=false)"
  JVM_PIDS+=("$SEARCH_PID")
  local health="http://127.0.0.1:$(management_port "$SEARCH_PORT")/q/health/ready"
  until curl -fsS -o /dev/null --max-time 2 "$health" 2>/dev/null; do
    if ! kill -0 "$SEARCH_PID" 2>/dev/null; then
      echo "search-service exited before it was ready; last lines of ${log}:" >&2
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    if (( SECONDS >= deadline )); then
      echo "search-service not ready after ${READY_TIMEOUT}s; last lines of ${log}:" >&2
      tail -n 40 "$log" >&2 || true
      curl -sS "$health" >&2 || true
      return 1
    fi
    sleep 0.1
  done
  READY_SECONDS="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')"
}

stop_search() {
  stop_pid "$SEARCH_PID" "benchmark search-service"
  local pid kept=()
  for pid in "${JVM_PIDS[@]}"; do
    [[ "$pid" == "$SEARCH_PID" ]] || kept+=("$pid")
  done
  JVM_PIDS=("${kept[@]}")
}

# True when the search-service consumer group has read and acknowledged every entry of <stream>
# on the bench Redis.
caught_up() { # caught_up <stream>
  local info lag pending
  info="$(redis-cli -h 127.0.0.1 -p "$BENCH_REDIS_PORT" --no-raw XINFO GROUPS "$1" 2>/dev/null | tr -d '"')" || return 1
  read -r pending lag < <(awk '/[0-9]+\) name$/ { getline; g = $NF }
    g == "search-service" && /pending$/ { getline; p = $NF }
    g == "search-service" && /lag$/ { getline; l = $NF }
    END { print (p == "" ? -1 : p), (l == "" ? -1 : l) }' <<<"$info")
  [[ "$pending" == 0 && ( "$lag" == 0 || "$lag" == "(nil)" ) ]]
}

# Waits until search-service has applied the streams' backlog (the demo data's events: every
# instructor, offering, availability change and booking), so that the measured searches do not share
# the cores with it; records how long that took.
wait_caught_up() {
  local start=$EPOCHREALTIME deadline=$((SECONDS + 900)) stream
  for stream in catalog-events booking-events; do
    until caught_up "$stream"; do
      (( SECONDS < deadline )) || { echo "search-service did not catch up with ${stream} in 900 s" >&2; return 1; }
      sleep 1
    done
  done
  echo "search-service caught up with the streams' backlog in $(seconds_since "$start") s"
}

# Quarkus' own "started in ..." and the rebuild's line from <log>, when there.
quarkus_lines() { grep -Eo '(search-service [^ ]+ .*started in [0-9.]+s|Read model rebuilt: .*)' "$1" || true; }

# Writes ${WORK_DIR}/distinct.txt (QUERIES different queries) and ${WORK_DIR}/repeated.txt
# (REPEATED_QUERIES queries), one request path per line, from the bench catalog's services, search
# terms, categories and areas. No two lines of distinct.txt are the same query to the server's
# cache (whose key is the query in lower case with its spaces collapsed).
write_queries() {
  python3 - "$CATALOG_BASE" "$QUERIES" "$REPEATED_QUERIES" "$WORK_DIR" <<'PY'
import json, random, sys, urllib.parse, urllib.request

base, count, repeated, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
get = lambda path: json.load(urllib.request.urlopen(base + path, timeout=30))
catalog, areas = get("/api/v1/catalog/all"), get("/api/v1/catalog/areas")

services, terms, categories = [], [], []
for category in catalog["categories"]:
    if category["services"]:
        categories.append(category["name"].lower())
    for s in category["services"]:
        services.append(s["name"].lower())
        terms.extend(t.lower() for t in s.get("searchTerms", []))
boroughs = [b["name"] for b in areas]
hoods = [h for b in areas for h in b["neighbourhoods"]]
services, terms = sorted(set(services)), sorted(set(terms) - set(services))

rnd = random.Random(42)
pick = lambda xs: rnd.choice(xs)  # the current rnd

def subject():
    r = rnd.random()
    if r < 0.6:
        return pick(services)
    if r < 0.85:
        return pick(terms)
    return pick(categories) if r < 0.97 else ""

PHRASES = ["{}", "{} lessons", "{} lessons", "{} classes", "{} tutor", "{} teacher", "{} instructor",
           "i want to learn {}", "looking for a {} teacher", "find me a {} coach", "private {} lessons"]

def price():
    n = rnd.randint(25, 180)
    return pick([f"under ${n}", f"under ${n}", f"below ${n}", f"less than ${n}", f"max ${n} per hour",
                 f"${n}-${n + pick([20, 30, 50])}", f"between ${n} and ${n + 40}", f"over ${min(n, 90)}",
                 f"around ${n}", f"{n} dollars an hour", "cheap", "affordable"])

def when():
    return pick(["today", "tomorrow", "tomorrow", "this weekend", "next weekend", "on friday", "saturday",
                 "monday", "next week", "this week", "day after tomorrow", "tonight", "next tuesday"])

def time_of_day():
    return pick(["morning", "afternoon", "evening", "in the evening", "after 5pm", "after 6", "before 11am",
                 "between 3 and 6pm", "at 4pm", "after school", "after work"])

def duration():
    return pick(["30 minute", "45 min", "1 hour", "60 minute", "90-minute", "an hour and a half", "half hour"])

def audience():
    return pick(["for beginners", "beginner", "intermediate", "advanced", "for kids", "for my 8 year old",
                 "for teens", "for adults", "ages 5-12", "for high school students", "for a 3rd grader"])

def place():
    r = rnd.random()
    if r < 0.3:
        return "in " + pick(boroughs)
    if r < 0.6:
        return pick(["in ", "near ", ""]) + pick(hoods)
    return pick(["online", "online", "in person", "near me", "at my home", "over zoom", "face to face"])

# How often each constraint is said: about as often as in search-service's dev set of student
# queries (src/test/resources/nls-dev-queries.json: a date or time in 17%, a price in 22%...).
MIX = ((0.25, price), (0.15, when), (0.1, time_of_day), (0.1, duration), (0.25, audience), (0.3, place))

def query():
    rest = [make() for p, make in MIX if rnd.random() < p]
    rnd.shuffle(rest)
    q = " ".join([pick(PHRASES).format(subject())] + rest).strip()
    return " ".join(q.split()) or "lessons"

def path(q):
    return "/api/v1/search?limit=20&q=" + urllib.parse.quote(q)

def key(q):
    return " ".join(q.lower().split())

seen, distinct = set(), []
# Random queries while they come out different enough; should the mix run dry, numbered ones
# (a distinct price in cents keeps every query different).
attempts = 0
while len(distinct) < count and attempts < count * 3:
    attempts += 1
    q = query()
    if key(q) not in seen:
        seen.add(key(q))
        distinct.append(q)
i = 0
while len(distinct) < count:
    q = f"{services[i % len(services)]} under ${20 + i // len(services)}.{i % 100:02d}"
    i += 1
    if key(q) not in seen:
        seen.add(key(q))
        distinct.append(q)
with open(out + "/distinct.txt", "w") as f:
    f.writelines(path(q) + "\n" for q in distinct)

rnd = random.Random(7)
with open(out + "/repeated.txt", "w") as f:
    f.writelines(path(query()) + "\n" for _ in range(repeated))
print(len(services), len(terms), len(categories), len(boroughs), len(hoods))
PY
}

# From wrk's output on stdin, prints the value of <key> in the "bench: next_k=..." line.
bench_value() { awk -v k="$1" '/^bench: next_k=/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }'; }
# From wrk's output on stdin, prints <stat> (p50, p99, ...) of the server time series <series>.
server_value() { # server_value <series> <stat>
  awk -v s="$1" -v k="$2" '$1 == "bench:" && $2 == "server" && $3 == s {
    for (i = 4; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }'
}

# One search by curl before wrk, so that a failing endpoint shows its exact request and answer.
preflight_search() { # preflight_search <paths file>
  local path status
  path="$(head -n 1 "$1")"
  status="$(curl -sS -o "${WORK_DIR}/preflight" -w '%{http_code}' "${SEARCH_BASE}${path}")" || status=000
  if [[ "$status" != 200 ]]; then
    echo "preflight search failed: GET ${SEARCH_BASE}${path} -> HTTP ${status} $(head -c 2000 "${WORK_DIR}/preflight")" >&2
    return 1
  fi
  echo "GET ${path} -> $(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print("total", d["total"], "relaxed", d["relaxed"], "timings", json.dumps(d["timings"]))' "${WORK_DIR}/preflight")"
}

# run_search <label> <paths file> <mode: distinct|repeated> <first index>: a discarded warm-up,
# then the measured run (from the request index the warm-up stopped at), left in WRK_OUT.
run_search() {
  local label="$1" paths="$2" mode="$3" first="$4" out next
  echo
  echo "== ${label}"
  preflight_search "$paths"
  echo "warm-up: wrk -t${THREADS} -c${CONNECTIONS} -d${WARMUP} (discarded)"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$SEARCH_BASE" -- "$paths" "$first" "$THREADS" "$mode")"
  grep '^bench: next_k' <<<"$out" || true
  next="$(bench_value next_k <<<"$out")"
  [[ "$next" =~ ^[0-9]+$ ]] || { echo "the warm-up did not report its last request index" >&2; echo "$out" >&2; return 1; }
  show_wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "$SEARCH_BASE" -- "$(basename "$paths")" "$next" "$THREADS" "$mode"
  WRK_OUT="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "$SEARCH_BASE" -- "$paths" "$next" "$THREADS" "$mode")"
  echo "$WRK_OUT"
  local overflow
  overflow="$(bench_value overflow <<<"$WRK_OUT")"
  if [[ "$mode" == distinct ]] && (( ${overflow:-0} > 0 )); then
    echo "WARNING: ${overflow} requests ran past the ${QUERIES} distinct queries and asked earlier ones again (set BENCH_QUERIES)" >&2
  fi
}

# Adds the last run (WRK_OUT) to SUMMARY against its floor; sets FAILED when it is missed.
# Its errors: answers other than 200, distinct queries answered from the cache, answers without
# timings, socket errors.
record_search() { # record_search <label> <min req/s or -> <floor on: server|wrk> <max p50 ms or -> <max p99 ms>
  local label="$1" min_rps="$2" on="$3" max_p50="$4" max_p99="$5"
  local rps wrk50 wrk99 srv50 srv99 errors p50 p99 floor verdict=PASS
  rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$WRK_OUT")"
  wrk50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$WRK_OUT")")"
  wrk99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$WRK_OUT")")"
  srv50="$(server_value total_ms p50 <<<"$WRK_OUT")"
  srv99="$(server_value total_ms p99 <<<"$WRK_OUT")"
  errors="$(awk -v n="$(bench_value errors <<<"$WRK_OUT")" '/Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 }
                                                             END { print n + 0 }' <<<"$WRK_OUT")"
  if [[ "$on" == server ]]; then p50="$srv50" p99="$srv99"; else p50="$wrk50" p99="$wrk99"; fi
  floor=""
  if [[ "$min_rps" != - ]]; then
    floor=">= ${min_rps}/s, "
    awk -v r="$rps" -v m="$min_rps" 'BEGIN { exit !(r >= m) }' || verdict=FAIL
  fi
  if [[ "$max_p50" != - ]]; then
    floor+="${on} p50 <= ${max_p50}, "
    awk -v p="$p50" -v m="$max_p50" 'BEGIN { exit !(p != "nan" && p != "" && p <= m) }' || verdict=FAIL
  fi
  floor+="${on} p99 <= ${max_p99} ms"
  awk -v p="$p99" -v m="$max_p99" 'BEGIN { exit !(p != "nan" && p != "" && p <= m) }' || verdict=FAIL
  (( errors == 0 )) || verdict=FAIL
  [[ "$verdict" == PASS ]] || FAILED=1
  SUMMARY+=("${label}|${rps}|${wrk50}|${wrk99}|${srv50}|${srv99}|${errors}|${floor}|${verdict}")
}

# record_seconds <label> <seconds> <max seconds or ->
record_seconds() {
  local label="$1" took="$2" max="$3" floor="-" verdict="-"
  if [[ "$max" != - ]]; then
    floor="<= ${max} s"
    verdict=PASS
    awk -v t="$took" -v m="$max" 'BEGIN { exit !(t <= m) }' || { verdict=FAIL; FAILED=1; }
  fi
  STARTUP+=("${label}|${took} s|${floor}|${verdict}")
}

report() {
  echo
  echo "search-service benchmark (${INSTRUCTORS} instructors, ${DURATION} per run, wrk -t${THREADS} -c${CONNECTIONS}, $(nproc) cores)"
  {
    echo "start-up|took|floor|result"
    printf '%s\n' "${STARTUP[@]}"
  } | awk -F'|' '{ printf "%-50s %8s  %-8s %s\n", $1, $2, $3, $4 }'
  echo
  {
    echo "GET /api/v1/search?q=...&limit=20|req/s|wrk p50|wrk p99|srv p50|srv p99|errors|floor|result"
    printf '%s\n' "${SUMMARY[@]}"
  } | awk -F'|' '{ printf "%-34s %7s %8s %8s %8s %8s %7s  %-46s %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }'
  echo "(wrk: latency seen by the client; srv: the answers' timings.totalMs, the server's own time)"
  return "$FAILED"
}

main() {
  command -v python3 >/dev/null || apt_install python3
  build_services
  ensure_keys
  WORK_DIR="$(mktemp -d)"
  trap cleanup EXIT
  start_bench_redis

  start_bench_jvm catalog-service "$CATALOG_PORT" "$CATALOG_DATABASE" "$CATALOG_LOG" \
    CATALOG_CACHE_ENABLED=true BOOKING_URL="$BOOKING_BASE"
  start_bench_jvm booking-service "$BOOKING_PORT" "$BOOKING_DATABASE" "$BOOKING_LOG" \
    CATALOG_URL="$CATALOG_BASE" DEMO_DATA_ENABLED=true
  load_demo_data

  # 1) The rebuild from the REST APIs, into an empty database.
  reset_search_database
  start_search "$REBUILD_LOG"
  local rebuild_seconds="$READY_SECONDS"
  echo "search-service ready on an empty read model (rebuilt from REST) after ${rebuild_seconds} s"
  quarkus_lines "$REBUILD_LOG"
  echo "search_bench: $(PGPASSWORD="$PG_PASSWORD" psql -X -At -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$SEARCH_DATABASE" -c \
    "SELECT (SELECT count(*) FROM instructor) || ' instructors, ' || (SELECT count(*) FROM offering) || ' offerings, '
            || (SELECT count(*) FROM catalog_service) || ' services, ' || (SELECT count(*) FROM availability) || ' instructor-days'")"
  record_seconds "empty read model: rebuilt from REST, start to ready" "$rebuild_seconds" -
  wait_caught_up

  # 2) Start-up on the full read model.
  stop_search
  start_search "$SEARCH_LOG"
  echo "search-service ready on the full read model after ${READY_SECONDS} s (floor ${MAX_READY_SECONDS} s)"
  quarkus_lines "$SEARCH_LOG"
  record_seconds "full read model: start to ready" "$READY_SECONDS" "$MAX_READY_SECONDS"

  echo "generating ${QUERIES} distinct queries and ${REPEATED_QUERIES} repeated ones from the bench catalog"
  local counts
  counts="$(write_queries)"
  echo "subjects: services, search terms, categories, boroughs, neighbourhoods = ${counts}"
  echo "e.g.:"
  head -n 5 "${WORK_DIR}/distinct.txt" | python3 -c 'import sys, urllib.parse
for line in sys.stdin: print("  " + urllib.parse.unquote(line.split("&q=", 1)[1].strip()))'

  # 3) Distinct queries: every answer computed.
  run_search "uncached: distinct queries" "${WORK_DIR}/distinct.txt" distinct 0
  record_search "uncached (distinct queries)" "$MIN_UNCACHED_RPS" server "$MAX_UNCACHED_P50" "$MAX_UNCACHED_P99"

  # 4) The same few queries: answered from the repeated-query cache.
  run_search "cached: ${REPEATED_QUERIES} queries repeated" "${WORK_DIR}/repeated.txt" repeated 0
  record_search "cached (${REPEATED_QUERIES} queries repeated)" - server - "$MAX_CACHED_P99"

  report
}

main "$@"
