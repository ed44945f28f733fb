#!/usr/bin/env bash
# The local services: one line each, "<module directory> <HTTP port> <database>".
# Sourced by up.sh, down.sh and the benchmarks. Adding a line adds a service; services whose
# module has no src/main/resources/application.properties yet are skipped.
set -euo pipefail

SERVICES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SERVICES_DIR}/../.." && pwd)"

# Runtime state of the local deployment (git-ignored).
RUN_DIR="${SERVICES_DIR}/.run"
LOG_DIR="${RUN_DIR}/logs"
PID_DIR="${RUN_DIR}/pids"
KEYS_DIR="${SERVICES_DIR}/.keys"
STOP_TIMEOUT="${STOP_TIMEOUT:-20}" # seconds between TERM and KILL
# JVM options when JAVA_OPTS is not set. The parallel collector costs less CPU than G1 on the
# 2-core machines we run on (booking p99 30 ms -> 16 ms in deploy/bench/booking-bench.sh).
DEFAULT_JAVA_OPTS="-XX:+UseParallelGC -Xms256m -Xmx1g"
# Vert.x event loops per JVM (VERTX_EVENT_LOOPS): one per core. Quarkus's default is two per core, made for a
# JVM that has its cores to itself (a pod); here five to seven JVMs share the machine's cores, and half the
# threads switch less: deploy/bench/web-bench.sh, 2 cores, gave 1,310 pages/s at p99 14.2 ms and 1.43 ms of CPU
# per page, against 1,171 pages/s at p99 16.9 ms and 1.57 ms with the default (deploy/bench/README.md).
VERTX_EVENT_LOOPS="${VERTX_EVENT_LOOPS:-$(nproc)}"

SERVICE_TABLE=(
  # module          port  database
  "gateway           8080  gateway"
  "catalog-service   8081  catalog"
  "search-service    8082  search"
  "booking-service   8083  booking"
  "analytics-service 8084  analytics"
  "notification-service 8085 notification"
)

# SEARCH_REPLICAS=3: search-service runs as three JVMs (pods), search-service on 8082, search-service-2 on 8086,
# search-service-3 on 8087 (management ports + 100), one consumer group and one read model; the gateway takes
# them in turn (SEARCH_URLS). Other services run once.
SEARCH_REPLICAS="${SEARCH_REPLICAS:-1}"
[[ "$SEARCH_REPLICAS" =~ ^[1-9]$ ]] || { echo "SEARCH_REPLICAS must be 1 to 9, not ${SEARCH_REPLICAS}" >&2; exit 2; }
# The port of search-service's n-th instance (n >= 2): 8086, 8087, ... (8083-8085 are taken).
search_replica_port() { echo $(( 8084 + $1 )); }

# Prints "<instance> <port> <database>" for every service whose module exists; an instance is its module's
# name, or <module>-<n> for search-service's n-th replica (module_of gives the module back).
services() {
  local line name port db n
  for line in "${SERVICE_TABLE[@]}"; do
    read -r name port db <<<"$line"
    # A module is a service once it has its Quarkus configuration (one being built may be a library first).
    [[ -f "${REPO_ROOT}/${name}/src/main/resources/application.properties" ]] || continue
    echo "$name $port $db"
    if [[ "$name" == search-service ]]; then
      for (( n = 2; n <= SEARCH_REPLICAS; n++ )); do
        echo "${name}-${n} $(search_replica_port "$n") $db"
      done
    fi
  done
  return 0
}

# The module of an instance: search-service-2 -> search-service.
module_of() { local instance="$1"; [[ "$instance" =~ ^(.*)-[0-9]+$ ]] && echo "${BASH_REMATCH[1]}" || echo "$instance"; }

# The URLs of every search-service instance, comma-separated (the gateway's SEARCH_URLS).
search_urls() {
  local urls="http://127.0.0.1:8082" n
  for (( n = 2; n <= SEARCH_REPLICAS; n++ )); do
    urls+=",http://127.0.0.1:$(search_replica_port "$n")"
  done
  echo "$urls"
}

# True when something listens on 127.0.0.1:<port>.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

service_log() { echo "${LOG_DIR}/$1.log"; }
service_pidfile() { echo "${PID_DIR}/$1.pid"; }
service_jar() { echo "${REPO_ROOT}/$(module_of "$1")/target/quarkus-app/quarkus-run.jar"; }
# Health and metrics are on each service's management interface, its HTTP port + 100 (8180-8185 for
# 8080-8085), never on the HTTP port.
management_port() { echo $(( $1 + 100 )); }

# True when the pid file of the service points at a live process.
service_running() {
  local pidfile pid
  pidfile="$(service_pidfile "$1")"
  [[ -f "$pidfile" ]] || return 1
  pid="$(<"$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] && is_our_jvm "$pid"
}

# Creates the local RS256 key pair (PKCS#8 private key, SPKI public key) unless it exists.
ensure_keys() {
  [[ -f "${KEYS_DIR}/jwt-private.pem" && -f "${KEYS_DIR}/jwt-public.pem" ]] && return 0
  echo "creating a local RS256 key pair in ${KEYS_DIR}" >&2
  mkdir -p "$KEYS_DIR"
  chmod 700 "$KEYS_DIR"
  # genpkey writes PKCS#8 ("BEGIN PRIVATE KEY"), which SmallRye JWT and mint-token.sh read.
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "${KEYS_DIR}/jwt-private.pem" 2>/dev/null
  chmod 600 "${KEYS_DIR}/jwt-private.pem"
  openssl pkey -in "${KEYS_DIR}/jwt-private.pem" -pubout -out "${KEYS_DIR}/jwt-public.pem"
}

# The local admin account of the gateway: admin@instainstru.local with a random password kept in
# .keys/admin-password (printed by up.sh), given to the gateway as a bcrypt hash. Prints NAME=value words.
LOCAL_ADMIN_EMAIL=admin@instainstru.local
gateway_admin_env() {
  local password_file="${KEYS_DIR}/admin-password" hash
  if [[ ! -f "$password_file" ]]; then
    (umask 077 && openssl rand -base64 18 | tr -d '/+=' >"$password_file")
  fi
  # Python's crypt module (Debian 12's python3) makes bcrypt hashes; without it there is no local admin.
  hash="$(python3 -c 'import crypt, sys; print(crypt.crypt(sys.stdin.read().strip(), crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1024)))' \
    <"$password_file" 2>/dev/null)" || { echo "no bcrypt in python3: the gateway starts without an admin account" >&2; return 0; }
  [[ "$hash" == \$2* ]] || return 0
  echo "GATEWAY_ADMIN_EMAIL=${LOCAL_ADMIN_EMAIL} GATEWAY_ADMIN_PASSWORD_HASH=${hash}"
}

# Builds all modules unless SKIP_BUILD=1.
build_services() {
  if [[ "${SKIP_BUILD:-0}" == 1 ]]; then
    echo "SKIP_BUILD=1: not building" >&2
    return 0
  fi
  echo "building (mvn -B -q -DskipTests package)" >&2
  (cd "$REPO_ROOT" && mvn -B -q -DskipTests package) || {
    echo "the build failed (above). The first build downloads its dependencies from Maven Central" \
      "(https://repo.maven.apache.org): without a network it can only work from a filled ~/.m2" >&2
    return 1
  }
}

# Polls <url> until it answers 2xx; on timeout prints the tail of <log> and fails.
wait_http_ok() { # wait_http_ok <url> <timeout seconds> <log> [pid]
  local url="$1" timeout="$2" log="$3" pid="${4:-}"
  local deadline=$((SECONDS + timeout))
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      echo "process ${pid} exited before ${url} was ready; last lines of ${log}:" >&2
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    if (( SECONDS >= deadline )); then
      echo "timed out after ${timeout}s waiting for ${url}; last lines of ${log}:" >&2
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    sleep 1
  done
}

# POSTs <json> to <base url>/api/v1/admin/demo-data with a local admin token and prints the answer
# (one JSON line). On failure prints what came back and returns 1.
post_demo_data() { # post_demo_data <base url> <json> [timeout seconds]
  local url="$1/api/v1/admin/demo-data" body="$2" timeout="${3:-600}" token out status
  token="$("${SERVICES_DIR}/mint-token.sh" --groups admin)"
  out="$(mktemp)"
  status="$(curl -sS --max-time "$timeout" -o "$out" -w '%{http_code}' -X POST \
    -H "Authorization: Bearer ${token}" -H 'Content-Type: application/json' -d "$body" "$url")" || status=000
  if [[ "$status" != 2?? ]]; then
    echo "POST ${url} ${body} answered HTTP ${status}: $(head -c 2000 "$out")" >&2
    rm -f "$out"
    return 1
  fi
  cat "$out"
  echo
  rm -f "$out"
}

# Prints the environment a service runs with locally, one NAME=value a line: its ports, database,
# Redis, the public key, the loopback URLs of the others (BOOKING_URL, CATALOG_URL) and the
# local-only demo-data switches; the gateway also gets the private key and the admin account.
service_env() { # service_env <module> <port> <database>
  local name="$1" port="$2" db="$3"
  printf '%s\n' \
    "QUARKUS_HTTP_PORT=${port}" \
    "QUARKUS_MANAGEMENT_PORT=$(management_port "$port")" \
    "QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE=${VERTX_EVENT_LOOPS}" \
    "PG_HOST=${PG_HOST}" "PG_PORT=${PG_PORT}" "PG_USER=${PG_USER}" "PG_PASSWORD=${PG_PASSWORD}" \
    "PG_DATABASE=${db}" \
    "REDIS_HOST=${REDIS_HOST}" "REDIS_PORT=${REDIS_PORT}" \
    "JWT_PUBLIC_KEY_LOCATION=${KEYS_DIR}/jwt-public.pem" \
    "BOOKING_URL=http://127.0.0.1:8083" \
    "CATALOG_URL=http://127.0.0.1:8081" \
    "DEMO_DATA_ENABLED=true"
  # notification-service sends through infra.sh's MailDev; its links point at the gateway.
  if [[ "$name" == notification-service ]]; then
    echo "SMTP_HOST=${SMTP_HOST:-127.0.0.1}"
    echo "SMTP_PORT=${SMTP_PORT:-1025}"
    echo "PUBLIC_BASE_URL=http://127.0.0.1:8080"
  fi
  # Only the gateway signs tokens: the private key and the admin account go to it alone.
  if [[ "$name" == gateway ]]; then
    echo "JWT_PRIVATE_KEY_LOCATION=${KEYS_DIR}/jwt-private.pem"
    echo "SEARCH_URLS=$(search_urls)"
    local -a admin_env=()
    read -ra admin_env <<<"$(gateway_admin_env)"
    (( ${#admin_env[@]} == 0 )) || printf '%s\n' "${admin_env[@]}"
  fi
}

# Starts the service's JVM in the background and prints its pid. Extra "NAME=value" arguments
# are added to (or override) the environment of service_env. The log file is truncated.
start_service_jvm() { # start_service_jvm <module> <port> <database> <log> [NAME=value...]
  local name="$1" port="$2" db="$3" log="$4"; shift 4
  local jar
  local -a service=()
  jar="$(service_jar "$name")"
  [[ -f "$jar" ]] || { echo "${jar} is missing: build first (without SKIP_BUILD=1)" >&2; return 1; }
  mapfile -t service < <(service_env "$name" "$port" "$db")
  mkdir -p "$(dirname "$log")"
  # A service built with an AppCDS archive (search-service: its classes pre-parsed for a faster start) is run
  # from its directory with the archive, as the JVM wants it; -Xshare:auto ignores an archive of another JVM.
  local -a cds=()
  [[ ! -f "$(dirname "$jar")/app-cds.jsa" ]] || cds=(-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto)
  # JAVA_OPTS is deliberately unquoted: it holds several options.
  # shellcheck disable=SC2086
  nohup env --chdir="$(dirname "$jar")" "${service[@]}" "$@" \
    java ${JAVA_OPTS:-${DEFAULT_JAVA_OPTS}} "${cds[@]}" -jar quarkus-run.jar >"$log" 2>&1 </dev/null &
  echo $!
}


# True when <pid> is alive and is one of our Quarkus JVMs (guards against a reused pid).
is_our_jvm() {
  local pid="$1"
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q 'quarkus-run.jar'
}

# TERM, wait up to STOP_TIMEOUT seconds, then KILL.
stop_pid() {
  local pid="$1" what="$2"
  if ! is_our_jvm "$pid"; then
    echo "${what}: not running"
    return 0
  fi
  echo "stopping ${what} (pid ${pid})"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS >= deadline )); then
      echo "${what} did not stop in ${STOP_TIMEOUT}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
}
