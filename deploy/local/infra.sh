#!/usr/bin/env bash
# Local infrastructure for InstaInstru: PostgreSQL 15 (+ pgvector, btree_gist) and Redis 7,
# installed from Debian packages when missing and started on loopback without systemd, and MailDev (the SMTP
# development inbox, from the npm registry at the version maildev/package-lock.json pins) on 127.0.0.1:1025
# with its web page and JSON API on 127.0.0.1:1080.
#
# Sourced by up.sh, test.sh and the benchmarks (it exports PG_* / REDIS_* for them), or run alone:
#   bash deploy/local/infra.sh
# Idempotent: when everything is already installed and running it only checks and returns.
#
# Overridable by env: PG_HOST PG_PORT PG_USER PG_PASSWORD REDIS_HOST REDIS_PORT SMTP_PORT MAILDEV_WEB_PORT
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
INFRA_RUN_DIR="${INFRA_DIR}/.run"

export PG_HOST="${PG_HOST:-127.0.0.1}"
export PG_PORT="${PG_PORT:-5432}"
export PG_USER="${PG_USER:-instainstru}"
export PG_PASSWORD="${PG_PASSWORD:-instainstru}"
export REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
export REDIS_PORT="${REDIS_PORT:-6379}"
export SMTP_HOST=127.0.0.1
export SMTP_PORT="${SMTP_PORT:-1025}"
export MAILDEV_WEB_PORT="${MAILDEV_WEB_PORT:-1080}"

PG_VERSION=15
PG_CLUSTER=main
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
PGVECTOR_CONTROL="/usr/share/postgresql/${PG_VERSION}/extension/vector.control"
# deb-src entry used only to fetch the pgvector sources (not packaged for bookworm's PG 15).
TRIXIE_SRC_LIST=/etc/apt/sources.list.d/instainstru-trixie-src.sources

# Every service's database and its test twin, the benchmark databases (the gateway benchmark has
# its own, so it can run beside the others), and the end-to-end test's databases (e2e-tests
# empties them at the start of each run).
INFRA_DATABASES=(
  catalog search booking analytics gateway notification
  catalog_test search_test booking_test analytics_test gateway_test notification_test
  catalog_bench booking_bench search_bench analytics_bench
  catalog_gwbench search_gwbench booking_gwbench analytics_gwbench gateway_gwbench
  catalog_e2e search_e2e booking_e2e analytics_e2e gateway_e2e notification_e2e
)

infra_log() { echo "[infra] $*" >&2; }

# --- packages ---------------------------------------------------------------------------

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

APT_UPDATED=0
apt_install() {
  (( $# > 0 )) || return 0
  infra_log "installing: $*"
  export DEBIAN_FRONTEND=noninteractive
  if (( APT_UPDATED == 0 )); then
    apt-get update -qq
    APT_UPDATED=1
  fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_packages() {
  local missing=() pkg
  for pkg in "postgresql-${PG_VERSION}" postgresql-contrib redis-server redis-tools wrk openssl curl jq; do
    pkg_installed "$pkg" || missing+=("$pkg")
  done
  command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  apt_install "${missing[@]}"
}

# --- pgvector (built from the trixie source package) -------------------------------------

# Prints "URI KEYRING" of the main Debian archive, found in the machine's own apt configuration
# so that no mirror host is written into the project: the first `deb` entry whose suites include
# this release's codename (e.g. bookworm, so neither -security nor third-party suites such as
# bookworm-pgdg or nodistro) with the component main. KEYRING is "-" when there is no Signed-By.
debian_archive_source() {
  local codename f
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -e "$f" && "$f" != "$TRIXIE_SRC_LIST" ]] || continue
    # deb822: stanzas separated by blank lines; comment lines ignored.
    awk -v codename="$codename" '
      function has(list, word) { return (" " list " ") ~ (" " word " ") }
      function flush() {
        if (has(types, "deb") && has(suites, codename) && has(comps, "main") && tolower(enabled) != "no")
          { split(uris, u, " "); print u[1], (signed == "" ? "-" : signed); found = 1; exit }
        types = uris = suites = comps = signed = enabled = ""
      }
      /^#/ { next }
      /^[ \t]*$/ { flush(); next }
      { key = tolower($1); sub(/^[^:]*:[ \t]*/, "") }
      key == "types:" { types = $0 }
      key == "uris:" { uris = $0 }
      key == "suites:" { suites = $0 }
      key == "components:" { comps = $0 }
      key == "signed-by:" { signed = $0 }
      key == "enabled:" { enabled = $0 }
      END { if (!found) flush() }
    ' "$f" | grep . && return 0
  done
  # One-line format: deb [signed-by=/path ...] URI suite components...
  [[ -f /etc/apt/sources.list ]] || return 1
  awk -v codename="$codename" '
    $1 != "deb" { next }
    {
      signed = "-"; i = 2
      if ($2 ~ /^\[/) { # options, possibly spread over several words
        while (i <= NF) {
          if ($i ~ /^\[?signed-by=/) { signed = $i; sub(/^\[?signed-by=/, "", signed); sub(/\]$/, "", signed) }
          if ($i ~ /\]$/) { i++; break }
          i++
        }
      }
      uri = $i; suite = $(i + 1); main = 0
      for (j = i + 2; j <= NF; j++) if ($j == "main") main = 1
      if (suite == codename && main) { print uri, signed; exit }
    }
  ' /etc/apt/sources.list | grep .
}

add_trixie_deb_src() {
  [[ -f "$TRIXIE_SRC_LIST" ]] && return 0
  local uri keyring
  read -r uri keyring < <(debian_archive_source) || {
    infra_log "cannot find the Debian archive URI in the apt sources"; return 1; }
  # Signed-By may be an inline key or missing: fall back to the standard archive keyring.
  if [[ "$keyring" == "-" || ! -f "$keyring" ]]; then
    keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  fi
  infra_log "adding deb-src trixie from ${uri} to ${TRIXIE_SRC_LIST}"
  cat >"$TRIXIE_SRC_LIST" <<EOF
# Added by InstaInstru deploy/local/infra.sh: sources of pgvector (not packaged for PG 15 on bookworm).
Types: deb-src
URIs: ${uri}
Suites: trixie
Components: main
Signed-By: ${keyring}
EOF
  APT_UPDATED=0 # the new source must be fetched
}

install_pgvector() {
  [[ -f "$PGVECTOR_CONTROL" ]] && return 0
  infra_log "pgvector missing: building it from the Debian trixie source package"
  local build_deps=()
  pkg_installed "postgresql-server-dev-${PG_VERSION}" || build_deps+=("postgresql-server-dev-${PG_VERSION}")
  pkg_installed build-essential || build_deps+=(build-essential)
  apt_install "${build_deps[@]}"
  add_trixie_deb_src
  if (( APT_UPDATED == 0 )); then apt-get update -qq; APT_UPDATED=1; fi

  local tmp
  tmp="$(mktemp -d)"
  chown _apt "$tmp" 2>/dev/null || true # apt downloads as the unprivileged _apt user
  (
    cd "$tmp"
    apt-get source -qq --download-only pgvector
    tar xzf pgvector_*.orig.tar.gz
    cd pgvector-*/
    make -s PG_CONFIG="${PG_BIN}/pg_config"
    make -s PG_CONFIG="${PG_BIN}/pg_config" install
  ) >&2
  rm -rf "$tmp"
  [[ -f "$PGVECTOR_CONTROL" ]] || { infra_log "pgvector build did not install ${PGVECTOR_CONTROL}"; return 1; }
  infra_log "pgvector installed"
}

# --- PostgreSQL --------------------------------------------------------------------------

pg_ready() { "${PG_BIN}/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT"; }

# psql as the postgres superuser over the local socket (the cluster's socket is named by port).
psql_super() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }

wait_for() { # wait_for <seconds> <description> <command...>
  local timeout="$1" what="$2"; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then infra_log "timed out waiting for ${what}"; return 1; fi
    sleep 0.5
  done
}

start_postgres() {
  pg_ready && return 0
  if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { f = 1 } END { exit !f }'; then
    infra_log "creating PostgreSQL cluster ${PG_VERSION}/${PG_CLUSTER} on port ${PG_PORT}"
    pg_createcluster --port "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER" >/dev/null
  fi
  # The socket directory lives on a tmpfs in some machines.
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  infra_log "starting PostgreSQL ${PG_VERSION}/${PG_CLUSTER}"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  mkdir -p "$INFRA_RUN_DIR"
  # down.sh --all stops only what was started here.
  echo "${PG_VERSION} ${PG_CLUSTER}" >"${INFRA_RUN_DIR}/postgres.started"
  wait_for 60 "PostgreSQL on ${PG_HOST}:${PG_PORT}" pg_ready
}

setup_databases() {
  # One psql session: role, databases, then the extensions in each database (\connect).
  # Names and password go through psql variables, so they are quoted by format(%I/%L).
  {
    cat <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB NOSUPERUSER PASSWORD %L', :'role', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, :'role')
  FROM unnest(string_to_array(:'dbs', ' ')) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SQL
    local db
    for db in "${INFRA_DATABASES[@]}"; do
      printf '\\connect %s\n' "$db"
      echo 'SET client_min_messages = warning;'
      echo 'CREATE EXTENSION IF NOT EXISTS vector;'
      echo 'CREATE EXTENSION IF NOT EXISTS btree_gist;'
    done
  } | psql_super -d postgres -v role="$PG_USER" -v pw="$PG_PASSWORD" -v dbs="${INFRA_DATABASES[*]}" >/dev/null
  # A role made earlier with another password is not changed here: say so rather than let every service fail.
  if ! PGPASSWORD="$PG_PASSWORD" psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "${INFRA_DATABASES[0]}" \
    -c 'select 1' >/dev/null 2>&1; then
    infra_log "cannot sign in to PostgreSQL ${PG_HOST}:${PG_PORT} as ${PG_USER} with PG_PASSWORD: the role exists" \
      "with another password, or pg_hba.conf refuses passwords over TCP. Set PG_PASSWORD to its password, or" \
      "ALTER ROLE ${PG_USER} PASSWORD '...' as the postgres user"
    return 1
  fi
}

# The suite's databases start empty on every run: a database left by an earlier run of other code
# (another branch's migrations in Flyway's history) would stop the services from starting.
reset_test_databases() {
  local db
  for db in "${INFRA_DATABASES[@]}"; do
    if [[ "$db" == *_test || "$db" == *_e2e ]]; then
      printf 'DROP DATABASE IF EXISTS %s WITH (FORCE);\n' "$db"
    fi
  done | psql_super -d postgres >/dev/null
  setup_databases
  # Redis databases 1-15 are the tests' (the platform uses 0).
  local n
  for n in $(seq 1 15); do redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$n" flushdb >/dev/null; done
  infra_log "test databases emptied"
}

# --- Redis -------------------------------------------------------------------------------

redis_ready() { [[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

# The streams are the platform's events between the outbox and the consumers: Redis keeps them on disk
# (append-only file, fsync every second) and refuses writes rather than evicting keys when full.
REDIS_DURABILITY=(appendonly yes appendfsync everysec maxmemory-policy noeviction)

# A Redis already running (started earlier, or by someone else) gets the same settings at run time.
configure_redis() {
  local i
  for ((i = 0; i < ${#REDIS_DURABILITY[@]}; i += 2)); do
    redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" config set "${REDIS_DURABILITY[i]}" "${REDIS_DURABILITY[i + 1]}" >/dev/null
  done
}

start_redis() {
  if redis_ready; then configure_redis; return 0; fi
  local dir="${INFRA_RUN_DIR}/redis"
  mkdir -p "$dir" "${INFRA_RUN_DIR}/logs"
  local durability=() i
  for ((i = 0; i < ${#REDIS_DURABILITY[@]}; i += 2)); do
    durability+=("--${REDIS_DURABILITY[i]}" "${REDIS_DURABILITY[i + 1]}")
  done
  infra_log "starting Redis on ${REDIS_HOST}:${REDIS_PORT}"
  redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --dir "$dir" \
    "${durability[@]}" \
    --pidfile "${dir}/redis.pid" --logfile "${INFRA_RUN_DIR}/logs/redis.log" >/dev/null
  echo "${REDIS_HOST} ${REDIS_PORT}" >"${INFRA_RUN_DIR}/redis.started"
  wait_for 30 "Redis on ${REDIS_HOST}:${REDIS_PORT}" redis_ready
}

# --- MailDev (the SMTP development inbox) ---------------------------------------------------

MAILDEV_DIR="${INFRA_DIR}/maildev"
# The tests start their own MailDev from here too (the parent pom tells them where it is).
MAILDEV_BIN="${MAILDEV_DIR}/node_modules/maildev/bin/maildev"

maildev_ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${MAILDEV_WEB_PORT}/email"; }

# Node.js and npm from Debian when missing; then exactly the versions maildev/package-lock.json pins (npm ci).
install_maildev() {
  local missing=()
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  apt_install "${missing[@]}"
  [[ -x "$MAILDEV_BIN" ]] && return 0
  infra_log "installing MailDev (npm ci in ${MAILDEV_DIR})"
  (cd "$MAILDEV_DIR" && npm ci --no-audit --no-fund --loglevel=error) >&2
  [[ -x "$MAILDEV_BIN" ]] || { infra_log "npm ci did not install ${MAILDEV_BIN}"; return 1; }
}

start_maildev() {
  maildev_ready && return 0
  local dir="${INFRA_RUN_DIR}/maildev"
  mkdir -p "$dir/mail" "${INFRA_RUN_DIR}/logs"
  infra_log "starting MailDev: SMTP 127.0.0.1:${SMTP_PORT}, inbox http://127.0.0.1:${MAILDEV_WEB_PORT}/"
  # Messages are kept in its directory, so a restart shows them again.
  nohup node "$MAILDEV_BIN" --ip 127.0.0.1 --web-ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAILDEV_WEB_PORT" \
    --mail-directory "${dir}/mail" >"${INFRA_RUN_DIR}/logs/maildev.log" 2>&1 </dev/null &
  echo "$!" >"${dir}/maildev.pid"
  echo "127.0.0.1 ${SMTP_PORT}" >"${INFRA_RUN_DIR}/maildev.started"
  wait_for 30 "MailDev on 127.0.0.1:${MAILDEV_WEB_PORT}" maildev_ready
}

# --- main --------------------------------------------------------------------------------

infra_up() {
  if (( EUID != 0 )); then infra_log "must run as root (installs packages, manages PostgreSQL)"; return 1; fi
  install_packages
  install_pgvector
  start_postgres
  setup_databases
  start_redis
  install_maildev
  start_maildev
  infra_log "PostgreSQL ${PG_HOST}:${PG_PORT} (role ${PG_USER}), Redis ${REDIS_HOST}:${REDIS_PORT} and MailDev" \
    "(SMTP 127.0.0.1:${SMTP_PORT}, http://127.0.0.1:${MAILDEV_WEB_PORT}/) are up"
}

# INFRA_LIB_ONLY=1: only define the functions (deploy/local/check-manifests.sh uses the apt helpers).
[[ "${INFRA_LIB_ONLY:-0}" == 1 ]] || infra_up
