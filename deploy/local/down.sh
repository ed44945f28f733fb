#!/usr/bin/env bash
# Stops the service JVMs that up.sh started (by their recorded pids).
# With --all, also stops MailDev, Redis and PostgreSQL, but only if infra.sh started them. With service names
# (down.sh catalog-service), stops only those, e.g. to run one in dev mode in its place.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=services.sh
source "${SCRIPT_DIR}/services.sh"

stop_services() { # stop_services [service...]: all when none is named
  local pidfile name
  shopt -s nullglob
  local pidfiles=("${PID_DIR}"/*.pid)
  if (( $# > 0 )); then
    pidfiles=()
    for name in "$@"; do
      [[ -f "${PID_DIR}/${name}.pid" ]] || { echo "${name}: not running from up.sh (no ${PID_DIR}/${name}.pid)"; continue; }
      pidfiles+=("${PID_DIR}/${name}.pid")
    done
  fi
  for pidfile in "${pidfiles[@]}"; do
    name="$(basename "$pidfile" .pid)"
    stop_pid "$(<"$pidfile")" "$name"
    rm -f "$pidfile"
  done
  shopt -u nullglob
}

stop_redis() {
  local marker="${RUN_DIR}/redis.started" host port
  [[ -f "$marker" ]] || { echo "Redis: not started by infra.sh, leaving it"; return 0; }
  read -r host port <"$marker"
  echo "stopping Redis on ${host}:${port}"
  redis-cli -h "$host" -p "$port" shutdown nosave >/dev/null 2>&1 || true
  rm -f "$marker"
}

stop_maildev() {
  local marker="${RUN_DIR}/maildev.started" pidfile="${RUN_DIR}/maildev/maildev.pid" pid
  [[ -f "$marker" ]] || { echo "MailDev: not started by infra.sh, leaving it"; return 0; }
  if [[ -f "$pidfile" ]]; then
    pid="$(<"$pidfile")"
    # Only our MailDev (a reused pid is left alone).
    if [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q 'maildev'; then
      echo "stopping MailDev (pid ${pid})"
      kill -TERM "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  fi
  rm -f "$marker"
}

stop_postgres() {
  local marker="${RUN_DIR}/postgres.started" version cluster
  [[ -f "$marker" ]] || { echo "PostgreSQL: not started by infra.sh, leaving it"; return 0; }
  read -r version cluster <"$marker"
  echo "stopping PostgreSQL ${version}/${cluster}"
  pg_ctlcluster "$version" "$cluster" stop || true
  rm -f "$marker"
}

main() {
  local all=0
  case "${1:-}" in
    --all) all=1 ;;
    "") ;;
    -*) echo "usage: $0 [--all | <service>...]" >&2; exit 2 ;;
    *) stop_services "$@"; return ;;
  esac
  stop_services
  if (( all )); then
    stop_maildev
    stop_redis
    stop_postgres
  fi
}

main "$@"
