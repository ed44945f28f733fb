#!/usr/bin/env bash
# Runs one service in Quarkus dev mode (live reload, Dev UI at /q/dev-ui) in place of the JVM up.sh
# started for it, with the same ports, database, Redis and keys, so the rest of the platform talks
# to it as before:
#   ./deploy/local/up.sh                  # the platform
#   ./deploy/local/dev.sh catalog-service # stops up.sh's catalog-service, runs it from source; Ctrl-C ends it
#   ./deploy/local/up.sh                  # afterwards: starts the packaged catalog-service again
# Dev mode needs Maven 3.9 or newer: it runs through ./mvnw, which fetches Maven 3.9.11 from Maven
# Central on its first use (Debian 12's own Maven is 3.8.7). The service joins the same Redis consumer
# groups as the JVM it replaces, so stream events go on being read by exactly one of them.
# Extra arguments go to Maven (e.g. -Dsuspend to wait for a debugger on port 5005).
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra.sh
source "${SCRIPT_DIR}/infra.sh"
# shellcheck source=services.sh
source "${SCRIPT_DIR}/services.sh"

name="${1:-}"
[[ -n "$name" ]] || { echo "usage: $0 <service> [maven arguments]   (one of: $(services | cut -d' ' -f1 | xargs))" >&2; exit 2; }
shift
line="$(services | awk -v n="$name" '$1 == n')"
[[ -n "$line" ]] || { echo "$name is not a service (one of: $(services | cut -d' ' -f1 | xargs))" >&2; exit 2; }
read -r _ port db <<<"$line"

ensure_keys
if [[ -f "$(service_pidfile "$name")" ]]; then
  "${SCRIPT_DIR}/down.sh" "$name"
fi
if port_in_use "$port"; then
  echo "port ${port} is taken by another process: stop it first (ss -ltnp 'sport = :${port}')" >&2
  exit 1
fi

mapfile -t service < <(service_env "$name" "$port" "$db")
cd "$REPO_ROOT"
echo "${name} in dev mode on http://127.0.0.1:${port} (database ${db}); Ctrl-C stops it"
# -Dno-launched-services: the reactor leaves out the services its tests launch (quarkus:dev would run the first one).
exec env "${service[@]}" ./mvnw -B -pl "$name" -am -Dno-launched-services quarkus:dev -Dquarkus.console.enabled=false "$@"
