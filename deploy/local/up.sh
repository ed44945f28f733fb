#!/usr/bin/env bash
# Starts InstaInstru locally: PostgreSQL + Redis (infra.sh), a local JWT key pair, a build,
# every existing service as a plain JVM, and the demo data. Running it again is harmless:
# services that are already running are left alone.
#
# Env: SKIP_BUILD=1 to use the jars already built; DEMO_INSTRUCTORS (default 300);
#      JAVA_OPTS for the JVMs; PG_* / REDIS_* as in infra.sh.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra.sh
source "${SCRIPT_DIR}/infra.sh"
# shellcheck source=services.sh
source "${SCRIPT_DIR}/services.sh"

READY_TIMEOUT=120
CATALOG_URL=http://127.0.0.1:8081

# Prints the services (module port db) whose pid file does not point at a live process.
services_to_start() {
  local name port db
  while read -r name port db; do
    service_running "$name" || echo "$name $port $db"
  done < <(services)
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
    wait_http_ok "http://127.0.0.1:${port}/q/health/ready" "$READY_TIMEOUT" \
      "$(service_log "$name")" "$(<"$(service_pidfile "$name")")"
    echo "${name} is ready"
  done < <(services)
}

load_demo_data() {
  services | grep -q '^catalog-service ' || return 0
  echo "loading demo data into catalog-service (${DEMO_INSTRUCTORS:-300} instructors)"
  local token
  token="$("${SCRIPT_DIR}/mint-token.sh" --groups admin)"
  # The server makes this idempotent: a second run finds the demo data already there.
  if ! curl -fsS --max-time 600 -X POST \
      -H "Authorization: Bearer ${token}" \
      -H 'Content-Type: application/json' \
      -d "{\"instructors\": ${DEMO_INSTRUCTORS:-300}, \"seed\": 42}" \
      "${CATALOG_URL}/api/v1/admin/demo-data"; then
    echo "loading the demo data failed; see $(service_log catalog-service)" >&2
    return 1
  fi
  echo
}

print_summary() {
  local name port db
  echo
  echo "InstaInstru is running locally:"
  while read -r name port db; do
    printf '  %-18s http://127.0.0.1:%s  (swagger: /q/swagger-ui, health: /q/health, metrics: /q/metrics)\n' \
      "$name" "$port"
  done < <(services)
  echo
  echo "Try:   curl ${CATALOG_URL}/api/v1/catalog/categories"
  echo "Token: ${SCRIPT_DIR}/mint-token.sh --groups admin   (or --sub <uuid> --groups instructor)"
  echo "Logs:  ${LOG_DIR}/<service>.log     Stop: ${SCRIPT_DIR}/down.sh [--all]"
}

main() {
  ensure_keys
  local pending
  pending="$(services_to_start)"
  if [[ -n "$pending" ]]; then
    # Only build when something is to be started: a running JVM would not pick up new jars.
    build_services
    start_services <<<"$pending"
  else
    echo "all services are already running"
  fi
  wait_services_ready
  load_demo_data
  print_summary
}

main "$@"
