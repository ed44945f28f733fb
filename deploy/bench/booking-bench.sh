#!/usr/bin/env bash
# Benchmark of booking-service. Self-contained: brings up PostgreSQL/Redis (infra.sh), builds
# (unless SKIP_BUILD=1), starts its own catalog-service (port 18081, database catalog_bench) and
# booking-service (port 18083, database booking_bench), both on a throwaway Redis (16379), loads
# 10,000 catalog demo instructors and their demo availability for 30 days, then:
#   a) POST /api/v1/bookings, every request a distinct (instructor, slot, student) that cannot
#      conflict                                                        wrk -t1 -c16 -d20s
#   b) GET /api/v1/availability/{random instructor}, 30-day range, duration 60   wrk -t1 -c8 -d20s
#   c) the same over a 90-day range                                             wrk -t1 -c8 -d20s
# Each run follows a discarded JIT warm-up (the booking warm-up books other slots than the measured
# run). Prints a summary against the floors and exits 1 when a floor is missed.
#
# How the bookings cannot conflict: request k (k = 0, 1, 2, ...) is made by student k mod 500 with
# instructor k mod 10,000 at slot k div 500, where the slots are the weekday hours 14:00..19:00
# (60-minute lessons, in the instructor's time zone) from 3 days ahead to the last day with demo
# windows. Within one slot the 500 requests have 500 different students and 500 different
# instructors; an instructor comes back only 20 slots later. So any 409 means a bug.
#
# Env: SKIP_BUILD=1, BENCH_DURATION (default 20s), BENCH_WARMUP (discarded warm-up, default 10s),
#      BENCH_CATALOG_PORT (18081), BENCH_BOOKING_PORT (18083), BENCH_REDIS_PORT (16379),
#      BENCH_BOOKING_CONNECTIONS (4), BENCH_AVAILABILITY_CONNECTIONS (8), JAVA_OPTS.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench-lib.sh
source "${BENCH_DIR}/bench-lib.sh"

CATALOG_PORT="${BENCH_CATALOG_PORT:-18081}"
BOOKING_PORT="${BENCH_BOOKING_PORT:-18083}"
CATALOG_BASE="http://127.0.0.1:${CATALOG_PORT}"
BOOKING_BASE="http://127.0.0.1:${BOOKING_PORT}"
CATALOG_DATABASE=catalog_bench
BOOKING_DATABASE=booking_bench
# 4 clients: on 2 cores shared by wrk, two JVMs and PostgreSQL more clients only queue (16 clients
# gave 844 bookings/s at p99 57 ms; 4 give ~840 at p99 16 ms).
BOOKING_CONNECTIONS="${BENCH_BOOKING_CONNECTIONS:-4}"
AVAILABILITY_CONNECTIONS="${BENCH_AVAILABILITY_CONNECTIONS:-8}"
INSTRUCTORS=10000
STUDENTS=500
DEMO_DAYS=30
FIRST_DAY_AHEAD=3 # bookings start this many days ahead (well past the 2 h minimum notice)
CATALOG_LOG="${LOG_DIR}/booking-bench-catalog.log"
BOOKING_LOG="${LOG_DIR}/booking-bench.log"

WORK_DIR="" # temp dir: instructor data, tokens, wrk Lua scripts

cleanup() {
  stop_bench_jvms "benchmark JVM"
  stop_bench_redis
  [[ -z "$WORK_DIR" ]] || rm -rf "$WORK_DIR"
}

load_demo_data() {
  local start=$EPOCHREALTIME answer
  echo "loading catalog demo data: ${INSTRUCTORS} instructors"
  answer="$(post_demo_data "$CATALOG_BASE" "{\"instructors\":${INSTRUCTORS},\"seed\":7}" 1800)"
  echo "catalog demo data loaded in $(seconds_since "$start") s: ${answer:0:200}"
  start=$EPOCHREALTIME
  echo "loading booking demo data: availability for ${DEMO_DAYS} days, no bookings"
  answer="$(post_demo_data "$BOOKING_BASE" "{\"days\":${DEMO_DAYS},\"bookings\":0}" 1800)"
  echo "booking demo data loaded in $(seconds_since "$start") s: ${answer}"
}

# Reruns start clean: no bookings (nor their idempotency keys and outbox events) from before.
truncate_bookings() {
  echo "truncating the bookings of ${BOOKING_DATABASE}"
  psql_super -d "$BOOKING_DATABASE" -c 'SET client_min_messages = warning; TRUNCATE booking, outbox_event CASCADE;' >/dev/null
}

# Writes ${WORK_DIR}/data.lua: the instructors (id, offering id with a 60-minute option, its first
# location type, time-zone index) and the weekday slots per time zone; prints
# "<instructors> <slots> <first day> <last day> <time zones...>".
prepare_instructors() {
  python3 - "$CATALOG_BASE" "$DEMO_DAYS" "$FIRST_DAY_AHEAD" "${WORK_DIR}/data.lua" <<'PY'
import datetime, json, sys, urllib.parse, urllib.request
from zoneinfo import ZoneInfo

base, days, first_ahead, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows, zones, cursor = [], {}, ""
while cursor is not None:
    with urllib.request.urlopen(f"{base}/api/v1/instructors?limit=100&cursor={urllib.parse.quote(cursor)}", timeout=30) as r:
        doc = json.load(r)
    cursor = doc["nextCursor"]
    for i in doc["items"]:
        offering = next((o for o in i["offerings"] if 60 in o["durationOptions"]), None)
        if offering is None:
            continue
        zone = i.get("timeZone") or "America/New_York"
        zones.setdefault(zone, len(zones) + 1)
        rows.append((i["id"], offering["id"], offering["locationTypes"][0], zones[zone]))

# The demo windows cover `days` days from today in New York (booking-service's demo generator).
today = datetime.datetime.now(ZoneInfo("America/New_York")).date()
dates = [today + datetime.timedelta(days=d) for d in range(first_ahead, days)]
dates = [d for d in dates if d.weekday() < 5]
with open(out, "w") as f:
    f.write("I = {\n")
    for r in rows:
        f.write('{"%s","%s","%s",%d},\n' % r)
    f.write("}\nS = {}\n")
    for zone, zi in zones.items():
        tz = ZoneInfo(zone)
        f.write("S[%d] = {\n" % zi)
        for d in dates:
            for h in range(14, 20):
                f.write('"%s",\n' % datetime.datetime(d.year, d.month, d.day, h, tzinfo=tz).isoformat())
        f.write("}\n")
print(len(rows), len(dates) * 6, dates[0], dates[-1], " ".join(zones))
PY
}

# Writes ${WORK_DIR}/tokens.lua: STUDENTS student tokens, each for its own random student id.
mint_student_tokens() {
  echo "minting ${STUDENTS} student tokens"
  local ttl=7200
  {
    echo "T = {"
    # Two at a time: mint-token.sh is a few openssl calls. ($1/$2 expand in the inner sh.)
    # shellcheck disable=SC2016
    seq 1 "$STUDENTS" | xargs -P 2 -I{} sh -c \
      'printf "\"%s\",\n" "$("$1" --sub "$(cat /proc/sys/kernel/random/uuid)" --groups student --ttl "$2")"' \
      _ "${LOCAL_DIR}/mint-token.sh" "$ttl"
    echo "}"
  } >"${WORK_DIR}/tokens.lua"
  local n
  n="$(grep -c '^"' "${WORK_DIR}/tokens.lua")"
  (( n == STUDENTS )) || { echo "minted ${n} tokens instead of ${STUDENTS}" >&2; return 1; }
}

# The wrk Lua scripts. Shared part: the data, per-thread counters, and a done() that prints
# "bench: ..." lines (next request index, answers other than the expected status, samples).
write_lua_scripts() {
  cat >"${WORK_DIR}/common.lua" <<EOF
dofile("${WORK_DIR}/data.lua")
dofile("${WORK_DIR}/tokens.lua")
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
unexpected, samples, codes, next_k, overflow = 0, "", "", 0, 0
function response(status, headers, body)
  if status ~= expected then
    unexpected = unexpected + 1
    codes = codes .. " " .. status
    if unexpected <= 3 then
      samples = samples .. "bench: answer " .. status .. ": " .. string.sub(body or "", 1, 600) .. "\n"
    end
  end
end
function done(summary, latency, requests)
  local bad, nk, of, s, c = 0, 0, 0, "", ""
  for _, t in ipairs(threads) do
    bad = bad + t:get("unexpected")
    of = of + t:get("overflow")
    if t:get("next_k") > nk then nk = t:get("next_k") end
    s = s .. t:get("samples")
    c = c .. t:get("codes")
  end
  local counts = {}
  for code in string.gmatch(c, "%d+") do counts[code] = (counts[code] or 0) + 1 end
  io.write(string.format("bench: next_k=%d unexpected=%d overflow=%d\n", nk, bad, of))
  for code, n in pairs(counts) do io.write(string.format("bench: status %s x %d\n", code, n)) end
  io.write(s)
end
EOF

  # booking.lua <first k> <threads>: request k as described in the header of booking-bench.sh.
  cat >"${WORK_DIR}/booking.lua" <<EOF
dofile("${WORK_DIR}/common.lua")
expected = 201
local first, stride, n = 0, 1, 0
function init(args)
  first, stride = tonumber(args[1]), tonumber(args[2])
end
function request()
  local k = first + tid + n * stride
  n = n + 1
  next_k = k + 1
  local inst = I[(k % #I) + 1]
  local slots = S[inst[4]]
  local slot = math.floor(k / ${STUDENTS}) + 1
  if slot > #slots then
    -- Out of slots: these requests will conflict; counted and reported.
    overflow = overflow + 1
    slot = ((slot - 1) % #slots) + 1
  end
  local body = string.format(
    '{"instructorId":"%s","instructorServiceId":"%s","startTime":"%s","durationMinutes":60,"locationType":"%s"}',
    inst[1], inst[2], slots[slot], inst[3])
  return wrk.format("POST", "/api/v1/bookings",
    { ["Authorization"] = "Bearer " .. T[(k % ${STUDENTS}) + 1], ["Content-Type"] = "application/json" }, body)
end
EOF

  # availability.lua <from> <to>: a random instructor per request.
  cat >"${WORK_DIR}/availability.lua" <<EOF
dofile("${WORK_DIR}/common.lua")
expected = 200
local from, to
function init(args)
  from, to = args[1], args[2]
  math.randomseed(os.time() * 100 + tid)
end
function request()
  local inst = I[math.random(1, #I)]
  return wrk.format("GET", "/api/v1/availability/" .. inst[1] .. "?from=" .. from .. "&to=" .. to .. "&duration=60")
end
EOF
}

# From wrk's output on stdin, prints the value of <key> in the "bench: next_k=..." line.
bench_value() { awk -v k="$1" '/^bench: next_k=/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }'; }

# record <label> <mode> <min req/s or -> <max p99 ms>: the result of the last measure_wrk. Its errors are
# the answers other than the expected status (counted by the Lua script) and the socket errors.
record() {
  record_result "$1" "$2" "$WRK_OUT" "$(bench_value unexpected <<<"$WRK_OUT")" "$3" "$4"
}

# One booking by curl before wrk, so that a failing endpoint shows its exact request and answer.
# Uses request index 0 (wrk starts at 1).
preflight_booking() {
  local body token status
  read -r body token < <(python3 - "${WORK_DIR}" <<'PY'
import re, sys
d = sys.argv[1]
data = open(d + "/data.lua").read()
inst = re.search(r'^\{"([^"]+)","([^"]+)","([^"]+)",(\d+)\},$', data, re.M).groups()
slots = data.split("S[%s] = {\n" % inst[3], 1)[1]
slot = re.match(r'"([^"]+)"', slots).group(1)
token = re.search(r'^"([^"]+)",$', open(d + "/tokens.lua").read(), re.M).group(1)
print('{"instructorId":"%s","instructorServiceId":"%s","startTime":"%s","durationMinutes":60,"locationType":"%s"}'
      % (inst[0], inst[1], slot, inst[2]), token)
PY
)
  status="$(curl -sS -o "${WORK_DIR}/preflight" -w '%{http_code}' -X POST -H "Authorization: Bearer ${token}" \
    -H 'Content-Type: application/json' -d "$body" "${BOOKING_BASE}/api/v1/bookings")" || status=000
  if [[ "$status" != 201 ]]; then
    echo "preflight booking failed:" >&2
    echo "  request:  POST ${BOOKING_BASE}/api/v1/bookings  (student token)  ${body}" >&2
    echo "  response: HTTP ${status} $(head -c 2000 "${WORK_DIR}/preflight")" >&2
    return 1
  fi
  echo "preflight booking: HTTP 201"
}

bench_bookings() {
  local conns="$BOOKING_CONNECTIONS" url="${BOOKING_BASE}/api/v1/bookings" out next
  preflight_booking
  echo "warm-up: wrk -t1 -c${conns} -d${WARMUP} (discarded; books request indexes from 1)"
  out="$(wrk -t1 -c"$conns" -d"$WARMUP" -s "${WORK_DIR}/booking.lua" "$url" -- 1 1)"
  grep '^bench:' <<<"$out" || true
  next="$(bench_value next_k <<<"$out")"
  [[ "$next" =~ ^[0-9]+$ ]] || { echo "the warm-up did not report its last request index" >&2; echo "$out" >&2; return 1; }
  measure_wrk "$conns" -s "${WORK_DIR}/booking.lua" "$url" -- "$next" 1
  local overflow
  overflow="$(bench_value overflow <<<"$WRK_OUT")"
  (( ${overflow:-0} == 0 )) || echo "WARNING: ${overflow} requests ran out of distinct slots (more than ${SLOT_CAPACITY} bookings): their conflicts are the generator's, not the service's" >&2
  record "POST /api/v1/bookings" "c${conns}" 500 25
}

# bench_availability <label> <days in the range> <max p99 ms>
bench_availability() {
  local label="$1" days="$2" max_p99="$3" conns="$AVAILABILITY_CONNECTIONS"
  local from to first
  from="$(TZ=America/New_York date +%F)"
  to="$(TZ=America/New_York date -d "+$((days - 1)) days" +%F)"
  first="$(grep -m1 -o '^{"[^"]*"' "${WORK_DIR}/data.lua" | tr -d '{"')"
  local probe="${BOOKING_BASE}/api/v1/availability/${first}?from=${from}&to=${to}&duration=60" status
  status="$(curl -sS -o "${WORK_DIR}/probe" -w '%{http_code}' "$probe")" || status=000
  if [[ "$status" != 200 ]]; then
    echo "availability query failed: GET ${probe} -> HTTP ${status} $(head -c 2000 "${WORK_DIR}/probe")" >&2
    return 1
  fi
  echo "GET ${probe} -> $(head -c 300 "${WORK_DIR}/probe")..."
  warm_up_wrk "$conns" -s "${WORK_DIR}/availability.lua" "$BOOKING_BASE" -- "$from" "$to"
  measure_wrk "$conns" -s "${WORK_DIR}/availability.lua" "$BOOKING_BASE" -- "$from" "$to"
  record "$label" "c${conns}" - "$max_p99"
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
  truncate_bookings

  local count slots first last zones
  echo "fetching the instructors and their 60-minute offerings from catalog-service"
  read -r count slots first last zones < <(prepare_instructors)
  SLOT_CAPACITY=$((slots * STUDENTS))
  echo "${count} instructors (time zones: ${zones}); ${slots} weekday slots ${first}..${last} 14:00-19:00: room for ${SLOT_CAPACITY} bookings"
  (( count >= STUDENTS )) || { echo "need at least ${STUDENTS} instructors, catalog has ${count}" >&2; return 1; }
  mint_student_tokens
  write_lua_scripts

  bench_bookings
  bench_availability "GET /api/v1/availability/{id}?from..to (30 days), duration=60" 30 10
  bench_availability "GET /api/v1/availability/{id}?from..to (90 days), duration=60" 90 20

  report_results "booking-service benchmark (${INSTRUCTORS} instructors, ${STUDENTS} students, ${DURATION} per run, $(nproc) cores)" 62 5
}

main "$@"
