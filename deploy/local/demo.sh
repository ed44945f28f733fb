#!/usr/bin/env bash
# A first booking, through the gateway only, with curl: prints every request and its answer.
#   1. an instructor signs up, fills the profile, offers piano at $60 for 30 or 60 minutes and opens
#      09:00-20:00 New York time for the coming week;
#   2. a student signs up, finds them by asking "piano under $80 tomorrow" (search is fed by the event
#      streams: it may take a few seconds), and books 30 minutes at Ada's first free time tomorrow for $30;
#   3. the same request sent again (a retry, same Idempotency-Key) answers the same booking, once;
#   4. a second student asks for the same time and gets 409 with a problem saying why;
#   5. the instructor sees the lesson.
# Every run makes new accounts (…@demo.instainstru.test), so it can be run again.
#
# Needs the platform of ./deploy/local/up.sh (or GATEWAY_URL), curl and jq.
set -euo pipefail

GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:8080}"
PASSWORD="demo password $RANDOM$RANDOM"
ZONE=America/New_York

fail() { echo "demo.sh: $*" >&2; exit 1; }

for tool in curl jq; do
  command -v "$tool" >/dev/null || fail "needs ${tool} (apt-get install ${tool})"
done
curl -fsS --max-time 5 -o /dev/null "${GATEWAY_URL}/api/v1/catalog/categories" 2>/dev/null \
  || fail "no gateway answers at ${GATEWAY_URL}: start the platform with ./deploy/local/up.sh (or set GATEWAY_URL)"

ANSWER="" STATUS=""
# call <expected status> <method> <path> [token] [json body] [extra curl args...]: prints the exchange,
# leaves the answer's body in ANSWER, and stops the demo when the status is not the expected one.
call() {
  local expected="$1" method="$2" path="$3" token="${4:-}" body="${5:-}"
  shift 5 2>/dev/null || shift $#
  local args=(-sS --max-time 20 -X "$method" -w '\n%{http_code}' -H 'Accept: application/json')
  [[ -n "$token" ]] && args+=(-H "Authorization: Bearer ${token}")
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' -d "$body")
  echo
  echo "> ${method} ${path}${token:+   (Authorization: Bearer …${token: -8})}$*"
  [[ -n "$body" ]] && jq -C . <<<"$body" | sed 's/^/> /'
  local out
  out="$(curl "${args[@]}" "$@" "${GATEWAY_URL}${path}")" || fail "${method} ${path}: the gateway did not answer"
  STATUS="${out##*$'\n'}"
  ANSWER="${out%$'\n'*}"
  echo "< ${STATUS}"
  if [[ -n "$ANSWER" ]]; then
    (jq -C . <<<"$ANSWER" 2>/dev/null || echo "$ANSWER") | head -n "${DEMO_LINES:-30}" | sed 's/^/< /'
  fi
  [[ "$STATUS" == "$expected" ]] || fail "${method} ${path} answered ${STATUS}, expected ${expected}"
}

step() { echo; echo "== $*"; }

# sign_up <role> <name>: registers and signs in; prints the access token.
sign_up() {
  local role="$1" name="$2" email
  email="${role}-$(date +%s%N | tail -c 9)@demo.instainstru.test"
  call 201 POST /api/v1/auth/register "" \
    "$(jq -nc --arg e "$email" --arg p "$PASSWORD" --arg r "$role" --arg n "$name" \
      '{email: $e, password: $p, role: $r, name: $n}')" >&2
  call 200 POST /api/v1/auth/login "" "$(jq -nc --arg e "$email" --arg p "$PASSWORD" '{email: $e, password: $p}')" >&2
  jq -r .accessToken <<<"$ANSWER"
}

today="$(TZ=$ZONE date +%F)"
tomorrow="$(TZ=$ZONE date -d tomorrow +%F)"

step "1. An instructor signs up, fills the profile, offers piano and opens the coming week"
ada="$(sign_up instructor "Ada Park")"
call 200 PUT /api/v1/instructors/me "$ada" "$(jq -nc --arg z "$ZONE" '{name: "Ada Park",
  bio: "Classical and jazz piano, twelve years of teaching.", yearsExperience: 12, timeZone: $z,
  areas: ["Park Slope"], teachesOnline: true}')"
ada_id="$(jq -r .id <<<"$ANSWER")"
call 200 GET /api/v1/catalog/services/piano
piano="$(jq -r .id <<<"$ANSWER")"
call 201 POST /api/v1/instructors/me/services "$ada" "$(jq -nc --arg s "$piano" '{catalogServiceId: $s,
  hourlyRate: 60, durationOptions: [30, 60], levels: ["beginner", "intermediate"], ageGroups: ["kids", "adults"],
  locationTypes: ["online"], active: true}')"
offering="$(jq -r .id <<<"$ANSWER")"
hours='[{"start": "09:00", "end": "20:00"}]'
call 204 POST /api/v1/availability/me/pattern "$ada" "$(jq -nc --arg f "$today" \
  --arg t "$(TZ=$ZONE date -d '+8 days' +%F)" --argjson h "$hours" '{from: $f, to: $t, days: {monday: $h,
  tuesday: $h, wednesday: $h, thursday: $h, friday: $h, saturday: $h, sunday: $h}}')"

step "2. A student signs up and asks for \"piano under \$80 tomorrow\""
sam="$(sign_up student "Sam Lee")"
found=""
for _ in $(seq 1 30); do
  answer="$(curl -fsS --max-time 10 -G --data-urlencode 'q=piano under $80 tomorrow' --data-urlencode limit=50 \
    "${GATEWAY_URL}/api/v1/search")" || fail "the search did not answer"
  found="$(jq -c --arg id "$ada_id" '.results[] | select(.instructorId == $id)' <<<"$answer")"
  [[ -n "$found" ]] && break
  sleep 1 # search learns of the new instructor from the event streams
done
[[ -n "$found" ]] || fail "search did not find the new instructor in 30 s: see deploy/local/.run/logs/search-service.log"
echo
echo "> GET /api/v1/search?q=piano+under+%2480+tomorrow   (Ada's result among the answers)"
jq -C '{instructorName, serviceName, hourlyRate, durations, offeringId, nextStarts}' <<<"$found" | sed 's/^/< /'
echo "< the answer understood: $(jq -c '.parsed | with_entries(select(.value != null))' <<<"$answer")"

step "3. The student picks Ada's first free time tomorrow and books 30 minutes (\$30); the retry answers the same booking"
DEMO_LINES=12 call 200 GET "/api/v1/availability/${ada_id}?from=${tomorrow}&to=${tomorrow}&duration=30"
start="$(jq -r '.days[0].startTimes[0] // empty' <<<"$ANSWER")"
[[ -n "$start" ]] || fail "Ada has no free time tomorrow (the booking notice is longer than what is left of the window?)"
lesson="$(jq -nc --arg i "$ada_id" --arg o "$offering" --arg s "$start" '{instructorId: $i,
  instructorServiceId: $o, startTime: $s, durationMinutes: 30, locationType: "online"}')"
key="$(cat /proc/sys/kernel/random/uuid)"
call 201 POST /api/v1/bookings "$sam" "$lesson" -H "Idempotency-Key: ${key}"
booking="$(jq -r .id <<<"$ANSWER")"
call 201 POST /api/v1/bookings "$sam" "$lesson" -H "Idempotency-Key: ${key}"
[[ "$(jq -r .id <<<"$ANSWER")" == "$booking" ]] || fail "the retry made a second booking"
echo "(the same booking ${booking}: a retry never books twice)"

step "4. Another student asks for the same time: refused"
kim="$(sign_up student "Kim Cho")"
call 409 POST /api/v1/bookings "$kim" "$lesson" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)"

step "5. The instructor sees the lesson, and their lessons a page at a time (cursor=nextCursor for the next)"
call 200 GET "/api/v1/bookings/${booking}" "$ada"
call 200 GET "/api/v1/bookings?as=instructor&limit=10" "$ada"

echo
echo "Done: booking ${booking}, ${start}, 30 minutes of piano with Ada Park for \$30."
echo "In the browser: ${GATEWAY_URL}/instructors/${ada_id}?service=${piano}"
