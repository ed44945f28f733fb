#!/usr/bin/env bash
# Starts InstaInstru locally: PostgreSQL + Redis (infra.sh), a local JWT key pair, a build,
# every existing service as a plain JVM, and the demo data. Running it again is harmless:
# services that are already running are left alone.
#
# Env: SKIP_BUILD=1 to use the jars already built; DEMO_INSTRUCTORS (default 300);
#      DEMO_DAYS (booking availability, default 30), DEMO_BOOKINGS (default 200);
#      JAVA_OPTS for the JVMs, VERTX_EVENT_LOOPS (event loops per JVM, default one per core); PG_* / REDIS_* as in infra.sh;
#      SEARCH_REPLICAS=3 runs search-service as three JVMs (8082, 8086, 8087) behind the gateway, one consumer
#      group sharing the streams (start the gateway with it: ./down.sh gateway first if it runs).
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra.sh
source "${SCRIPT_DIR}/infra.sh"
# shellcheck source=services.sh
source "${SCRIPT_DIR}/services.sh"

READY_TIMEOUT=120
CATALOG_URL=http://127.0.0.1:8081
BOOKING_URL=http://127.0.0.1:8083
SEARCH_URL=http://127.0.0.1:8082
ANALYTICS_URL=http://127.0.0.1:8084
GATEWAY_URL=http://127.0.0.1:8080
DEMO_PASSWORD=instainstru-demo

# Prints the services (module port db) whose pid file does not point at a live process.
services_to_start() {
  local name port db
  while read -r name port db; do
    service_running "$name" || echo "$name $port $db"
  done < <(services)
}

# Every port a service to start needs must be free: a JVM on a taken port dies at start-up.
check_ports() { # check_ports <<< "module port db" lines
  local name port db p taken=0
  while read -r name port db; do
    for p in "$port" "$(management_port "$port")"; do
      if port_in_use "$p"; then
        echo "port ${p} (${name}) is taken by another process: stop it first (ss -ltnp 'sport = :${p}' shows which)" >&2
        taken=1
      fi
    done
  done
  return "$taken"
}

start_services() {
  local name port db pid
  mkdir -p "$LOG_DIR" "$PID_DIR"
  while read -r name port db; do
    echo "starting ${name} on port ${port} (database ${db})"
    pid="$(start_service_jvm "$name" "$port" "$db" "$(service_log "$name")")"
    echo "$pid" >"$(service_pidfile "$name")"
  done
}

wait_services_ready() {
  local name port db
  while read -r name port db; do
    wait_http_ok "http://127.0.0.1:$(management_port "$port")/q/health/ready" "$READY_TIMEOUT" \
      "$(service_log "$name")" "$(<"$(service_pidfile "$name")")"
    echo "${name} is ready"
  done < <(services)
}

# (A here-string, not a pipe: with pipefail, grep -q closing the pipe early could fail it.)
has_service() { grep -q "^$1 " <<<"$(services)"; }

# Both generators are idempotent on the server side: a second run finds the demo data there.
load_demo_data() {
  has_service catalog-service || return 0
  echo "loading demo data into catalog-service (${DEMO_INSTRUCTORS:-300} instructors)"
  post_demo_data "$CATALOG_URL" "{\"instructors\": ${DEMO_INSTRUCTORS:-300}, \"seed\": 42}" || {
    echo "loading the catalog demo data failed; see $(service_log catalog-service)" >&2
    return 1
  }
  # booking-service reads the instructors from catalog-service, so it comes second.
  has_service booking-service || return 0
  echo "loading demo data into booking-service (availability for ${DEMO_DAYS:-30} days, ${DEMO_BOOKINGS:-200} bookings)"
  post_demo_data "$BOOKING_URL" "{\"days\": ${DEMO_DAYS:-30}, \"bookings\": ${DEMO_BOOKINGS:-200}}" || {
    echo "loading the booking demo data failed; see $(service_log booking-service)" >&2
    return 1
  }
  # analytics-service computes popularity from those events, for the homepage and search.
  has_service analytics-service || return 0
  run_demo_analytics || {
    echo "the demo analytics run failed; see $(service_log analytics-service)" >&2
    return 1
  }
}

# True when the analytics-service consumer group has read and acknowledged every entry of <stream>.
analytics_caught_up() { # analytics_caught_up <stream>
  local info lag pending
  info="$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" --no-raw XINFO GROUPS "$1" 2>/dev/null | tr -d '"')" || return 1
  # Output: name, value pairs per group; take the analytics-service group's lag and pending.
  read -r pending lag < <(awk '/[0-9]+\) name$/ { getline; g = $NF }
    g == "analytics-service" && /pending$/ { getline; p = $NF }
    g == "analytics-service" && /lag$/ { getline; l = $NF }
    END { print (p == "" ? -1 : p), (l == "" ? -1 : l) }' <<<"$info")
  # Redis cannot always tell the lag (after deletions it is nil): then no pending entry must do.
  [[ "$pending" == 0 && ( "$lag" == 0 || "$lag" == "(nil)" ) ]]
}

# Waits (up to 5 minutes) until analytics-service has ingested the demo events, then runs the service
# analytics once, so that the homepage and search rank by popularity from the start.
run_demo_analytics() {
  local stream deadline=$((SECONDS + 300)) token id status
  for stream in catalog-events booking-events; do
    until analytics_caught_up "$stream"; do
      (( SECONDS < deadline )) || { echo "analytics-service did not catch up with ${stream}" >&2; return 1; }
      sleep 1
    done
  done
  echo "running the service analytics once (POST ${ANALYTICS_URL}/api/v1/analytics/jobs/service-analytics/runs)"
  token="$("${SCRIPT_DIR}/mint-token.sh" --groups admin)"
  id="$(curl -fsS -X POST -H "Authorization: Bearer ${token}" \
    "${ANALYTICS_URL}/api/v1/analytics/jobs/service-analytics/runs" | grep -o '"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4)"
  [[ -n "$id" ]] || return 1
  while :; do
    status="$(curl -fsS -H "Authorization: Bearer ${token}" \
      "${ANALYTICS_URL}/api/v1/analytics/jobs/service-analytics/runs/${id}" | grep -o '"status":"[a-z]*"' | cut -d'"' -f4)"
    [[ "$status" == running ]] || break
    (( SECONDS < deadline )) || return 1
    sleep 1
  done
  echo "service analytics run ${id}: ${status}"
  [[ "$status" == succeeded ]]
}

# Demo accounts to sign in with, made through the gateway (a second run finds them: 409).
load_demo_accounts() {
  has_service gateway || return 0
  local account email role name status
  for account in "student@instainstru.local student Demo_Student" "instructor@instainstru.local instructor Demo_Instructor"; do
    read -r email role name <<<"$account"
    status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -d "{\"email\": \"${email}\", \"password\": \"${DEMO_PASSWORD}\", \"role\": \"${role}\", \"name\": \"${name/_/ }\"}" \
      "${GATEWAY_URL}/api/v1/auth/register")" || status=000
    [[ "$status" == 201 || "$status" == 409 ]] || { echo "demo account ${email}: HTTP ${status}" >&2; return 1; }
  done
}

# demo_api <method> <path> <token> [json]: the gateway's answer body; fails on a status >= 400.
demo_api() {
  local args=(-fsS --max-time 20 -X "$1" -H "Authorization: Bearer $3")
  [[ -z "${4:-}" ]] || args+=(-H 'Content-Type: application/json' -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -d "$4")
  curl "${args[@]}" "${GATEWAY_URL}$2"
}

demo_token() { # demo_token <email>
  curl -fsS --max-time 20 -X POST -H 'Content-Type: application/json' \
    -d "$(jq -nc --arg e "$1" --arg p "$DEMO_PASSWORD" '{email: $e, password: $p}')" \
    "${GATEWAY_URL}/api/v1/auth/login" | jq -er .accessToken
}

# The demo accounts have something to see: the demo instructor teaches piano and guitar with free time
# for the next 30 days (New York time), and the demo student has two lessons booked with them. A second
# run finds them there and adds nothing.
load_demo_lessons() {
  has_service gateway && has_service catalog-service && has_service booking-service || return 0
  local teacher student me id piano guitar hours today offering
  teacher="$(demo_token instructor@instainstru.local)" && student="$(demo_token student@instainstru.local)" || {
    echo "demo accounts cannot sign in: no demo lessons" >&2; return 1; }
  me="$(demo_api GET /api/v1/instructors/me "$teacher")"
  id="$(jq -r .id <<<"$me")"
  if [[ "$(jq '[.offerings[]?] | length' <<<"$me")" == 0 ]]; then
    echo "demo instructor: profile, piano and guitar, 30 days of free time"
    demo_api PUT /api/v1/instructors/me "$teacher" '{"name": "Demo Instructor", "bio": "Piano and guitar for beginners and returning players, online or at my Park Slope studio.", "yearsExperience": 8, "timeZone": "America/New_York", "areas": ["Park Slope", "Prospect Heights"], "teachesOnline": true, "teachesAtStudio": true}' >/dev/null
    piano="$(curl -fsS "${GATEWAY_URL}/api/v1/catalog/services/piano" | jq -r .id)"
    guitar="$(curl -fsS "${GATEWAY_URL}/api/v1/catalog/services/guitar" | jq -r .id)"
    demo_api POST /api/v1/instructors/me/services "$teacher" "$(jq -nc --arg s "$piano" '{catalogServiceId: $s, hourlyRate: 60, durationOptions: [30, 45, 60], levels: ["beginner", "intermediate"], ageGroups: ["kids", "teens", "adults"], locationTypes: ["online", "studio"], active: true}')" >/dev/null
    demo_api POST /api/v1/instructors/me/services "$teacher" "$(jq -nc --arg s "$guitar" '{catalogServiceId: $s, hourlyRate: 45, durationOptions: [60], levels: ["beginner"], ageGroups: ["teens", "adults"], locationTypes: ["online"], active: true}')" >/dev/null
    today="$(TZ=America/New_York date +%F)"
    hours='[{"start": "09:00", "end": "12:00"}, {"start": "16:00", "end": "21:00"}]'
    demo_api POST /api/v1/availability/me/pattern "$teacher" "$(jq -nc --arg f "$today" --arg t "$(TZ=America/New_York date -d '+30 days' +%F)" --argjson h "$hours" \
      '{from: $f, to: $t, days: {monday: $h, tuesday: $h, wednesday: $h, thursday: $h, friday: $h, saturday: $h}}')" >/dev/null
    me="$(demo_api GET /api/v1/instructors/me "$teacher")"
  fi
  if [[ "$(demo_api GET '/api/v1/bookings?as=student' "$student" | jq '[.. | objects | select(.status? == "confirmed")] | length')" != 0 ]]; then
    return 0
  fi
  echo "demo student: two lessons with the demo instructor"
  offering="$(jq -r '[.offerings[] | select(.serviceSlug == "piano")][0].id' <<<"$me")"
  local day start
  for day in 2 5; do
    local date; date="$(TZ=America/New_York date -d "+${day} days" +%F)"
    start="$(curl -fsS "${GATEWAY_URL}/api/v1/availability/${id}?from=${date}&to=$(TZ=America/New_York date -d "+$((day + 3)) days" +%F)&duration=60" \
      | jq -r '[.days[].startTimes[]][0] // empty')"
    [[ -n "$start" ]] || continue
    demo_api POST /api/v1/bookings "$student" "$(jq -nc --arg i "$id" --arg o "$offering" --arg s "$start" \
      '{instructorId: $i, instructorServiceId: $o, startTime: $s, durationMinutes: 60, locationType: "online"}')" >/dev/null
  done
}

# The id of one demo instructor (for the sample availability query), or a placeholder.
sample_instructor_id() {
  local id
  id="$(curl -fsS --max-time 5 "${CATALOG_URL}/api/v1/instructors?limit=1" 2>/dev/null \
    | grep -o '"id":"[0-9a-f-]\{36\}"' | head -n 1 | cut -d'"' -f4)" || true
  echo "${id:-<instructorId>}"
}

print_summary() {
  local name port db
  echo
  echo "InstaInstru is running locally:"
  while read -r name port db; do
    printf '  %-18s http://127.0.0.1:%s  (swagger: /q/swagger-ui; health and metrics: http://127.0.0.1:%s/q/health, /q/metrics)\n' \
      "$name" "$port" "$(management_port "$port")"
  done < <(services)
  echo
  echo "Try:   curl ${CATALOG_URL}/api/v1/catalog/categories"
  if has_service booking-service; then
    # Demo windows are in America/New_York; bookable start times of one instructor for a week.
    local from to
    from="$(TZ=America/New_York date +%F)"
    to="$(TZ=America/New_York date -d '+6 days' +%F)"
    echo "       curl '${BOOKING_URL}/api/v1/availability/$(sample_instructor_id)?from=${from}&to=${to}&duration=60'"
  fi
  if has_service search-service; then
    echo "       curl '${SEARCH_URL}/api/v1/search?q=piano+under+%2480+tomorrow+evening'"
    echo "       python3 ${SCRIPT_DIR}/../eval/search-eval.py   # the dev queries against the live search"
  fi
  if has_service analytics-service; then
    echo "       curl -H \"Authorization: Bearer \$(${SCRIPT_DIR}/mint-token.sh)\" ${ANALYTICS_URL}/api/v1/analytics/services?limit=5"
  fi
  if has_service gateway; then
    echo "       curl ${GATEWAY_URL}/api/v1/home                     # the homepage in one call, through the gateway"
    echo "Sign in (gateway): student@instainstru.local / instructor@instainstru.local, password ${DEMO_PASSWORD}"
    [[ -f "${KEYS_DIR}/admin-password" ]] && echo "       admin: ${LOCAL_ADMIN_EMAIL}, password in ${KEYS_DIR}/admin-password"
    echo "       curl -X POST ${GATEWAY_URL}/api/v1/auth/login -H 'Content-Type: application/json' \\"
    echo "            -d '{\"email\": \"student@instainstru.local\", \"password\": \"${DEMO_PASSWORD}\"}'"
  fi
  echo "Mail:  every message the platform sends lands in MailDev: http://127.0.0.1:${MAILDEV_WEB_PORT}/ (JSON: /email)"
  echo "Token: ${SCRIPT_DIR}/mint-token.sh --groups admin   (or --sub <uuid> --groups instructor|student)"
  echo "Logs:  ${LOG_DIR}/<service>.log     Stop: ${SCRIPT_DIR}/down.sh [--all]"
}

main() {
  ensure_keys
  local pending
  pending="$(services_to_start)"
  if [[ -n "$pending" ]]; then
    check_ports <<<"$pending"
    # Only build when something is to be started: a running JVM would not pick up new jars.
    build_services
    start_services <<<"$pending"
  else
    echo "all services are already running"
  fi
  wait_services_ready
  load_demo_data
  load_demo_accounts
  load_demo_lessons || echo "the demo lessons could not be made (above); the platform runs without them" >&2
  print_summary
}

main "$@"
