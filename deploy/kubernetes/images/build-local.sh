#!/usr/bin/env bash
# Builds every service's container image with the Maven build (Jib, profile container-image) where no
# registry and no Docker are reachable, and proves what can be proven here (README.md, "Images"):
#   1. a base image made of Debian's packages (mmdebstrap: bookworm, openjdk-17-jre-headless, user
#      jboss 185), wrapped for Jib as tar://;
#   2. a registry on loopback (Debian's docker-registry, 127.0.0.1:5000) that the build pushes to;
#   3. each image's tags (the project version and the commit), user 185, entrypoint and layers, read
#      back from the registry;
#   4. with --run SERVICE: that image's layers unpacked and started as user 185 on a read-only root
#      (only /tmp writable) against the local PostgreSQL and Redis, until its readiness check is UP.
#      This starts a service: run it under the test lock, e.g.
#      flock -o /tmp/instainstru-tests.lock ./deploy/kubernetes/images/build-local.sh --run catalog-service
#
# Takes 5-10 minutes the first time (the base, the build); the base and the registry's storage are kept
# in deploy/local/.run/images, and SKIP_BUILD=1 checks (and runs) the images built last time.
set -euo pipefail

IMAGES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "${IMAGES_DIR}/../../.." && pwd)"
WORK="${REPO_DIR}/deploy/local/.run/images"
REGISTRY=127.0.0.1:5000
SERVICES=(catalog-service booking-service search-service analytics-service notification-service gateway)
RUN_SERVICE=""
[[ "${1:-}" == "--run" ]] && RUN_SERVICE="${2:?--run needs a service}"

# The apt helpers only.
# shellcheck source=../../local/infra.sh
INFRA_LIB_ONLY=1 source "${REPO_DIR}/deploy/local/infra.sh"
log() { echo "[images] $*" >&2; }

missing=()
for pkg in mmdebstrap docker-registry python3 curl; do pkg_installed "$pkg" || missing+=("$pkg"); done
apt_install "${missing[@]}"
mkdir -p "$WORK"

# 1. The base image: Debian's JRE and a user 185, nothing else.
base="${WORK}/debian-jre17.tar"
if [[ ! -s "$base" ]]; then
  read -r uri _ < <(debian_archive_source)
  log "building the base image from Debian bookworm's packages (${uri})"
  mmdebstrap --quiet --variant=apt --include=openjdk-17-jre-headless,ca-certificates \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --essential-hook='mkdir -p "$1"/usr/share/man/man1' \
    --customize-hook='chroot "$1" groupadd --gid 185 jboss' \
    --customize-hook='chroot "$1" useradd --uid 185 --gid 185 --home-dir /home/jboss --create-home --shell /usr/sbin/nologin jboss' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
    bookworm "${WORK}/rootfs.tar" "$uri"
  python3 "${IMAGES_DIR}/oci-base.py" "${WORK}/rootfs.tar" "$base" instainstru/debian-jre:17
  rm -f "${WORK}/rootfs.tar"
fi

# 2. A registry on loopback, stopped on exit.
mkdir -p "${WORK}/registry"
cat >"${WORK}/registry.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: ${WORK}/registry
http:
  addr: ${REGISTRY}
YAML
docker-registry serve "${WORK}/registry.yml" >"${WORK}/registry.log" 2>&1 &
registry_pid=$!
cleanup() { kill "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true; }
trap cleanup EXIT
wait_for 30 "the registry on ${REGISTRY}" curl -sf "http://${REGISTRY}/v2/"

# 3. The build: the same Maven profile a registry-connected CI runs, with this registry and base.
commit="$(git -C "$REPO_DIR" rev-parse --short=12 HEAD)"
version="$(cd "$REPO_DIR" && mvn -B -q -Dstyle.color=never help:evaluate -Dexpression=project.version -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")"
if [[ "${SKIP_BUILD:-0}" == 1 ]]; then
  commit="$(cat "${WORK}/built-commit")" # the images of the last build
else
  log "building ${SERVICES[*]} as ${REGISTRY}/instainstru/<service>:${version} and :${commit}"
  (cd "$REPO_DIR" && mvn -B -q package -DskipTests -Dimage -Dimage.push=true -Dimage.insecure=true \
    -Dimage.registry="$REGISTRY" -Dimage.commit="$commit" -Dimage.base="tar://${base}" \
    -pl "$(IFS=,; echo "${SERVICES[*]}")" -am)
  echo "$commit" >"${WORK}/built-commit"
fi

for svc in "${SERVICES[@]}"; do
  python3 "${IMAGES_DIR}/inspect-image.py" "http://${REGISTRY}" "instainstru/${svc}" "$version" "$commit"
done

# 4. One image, started from its own layers as user 185 on a read-only root.
[[ -z "$RUN_SERVICE" ]] && exit 0
setup_databases # the test databases exist (idempotent)
root="${WORK}/rootfs-${RUN_SERVICE}"
rm -rf "$root"
python3 "${IMAGES_DIR}/inspect-image.py" "http://${REGISTRY}" "instainstru/${RUN_SERVICE}" "$version" "$commit" \
  --unpack "$root" >"${WORK}/${RUN_SERVICE}.run"
# inspect-image.py wrote the image's working directory, then its entrypoint, one word a line.
mapfile -t run <"${WORK}/${RUN_SERVICE}.run"
workdir="${run[0]}"
entrypoint=("${run[@]:1}")
keys="$(mktemp -d)"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "${keys}/private.pem" 2>/dev/null
openssl pkey -in "${keys}/private.pem" -pubout -out "${root}/tmp-jwt-public.pem"
http_port=28081
mgmt_port=28181
log "starting ${RUN_SERVICE} from its image as 185 on a read-only root (HTTP ${http_port}, management ${mgmt_port})"
unshare --mount --fork bash -c '
  set -e
  root="$1"; shift
  mount --bind "$root" "$root"
  mount --bind /dev "$root/dev"
  mount -t proc proc "$root/proc"
  mount -t tmpfs -o size=256m,mode=1777 tmpfs "$root/tmp"
  mount -o remount,bind,ro "$root"
  exec "$@"
' _ "$root" chroot --userspec=185:185 "$root" /usr/bin/env -i \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
  HOME="$workdir" QUARKUS_HTTP_PORT="$http_port" QUARKUS_MANAGEMENT_PORT="$mgmt_port" \
  PG_HOST="$PG_HOST" PG_PORT="$PG_PORT" PG_USER="$PG_USER" PG_PASSWORD="$PG_PASSWORD" \
  PG_DATABASE="${RUN_DATABASE:-${RUN_SERVICE%-service}_test}" \
  QUARKUS_REDIS_HOSTS="redis://${REDIS_HOST}:${REDIS_PORT}/1" JWT_PUBLIC_KEY_LOCATION=/tmp-jwt-public.pem \
  DJL_CACHE_DIR=/tmp/djl OUTBOX_LISTEN=false \
  sh -c 'cd "$0" && exec "$@"' "$workdir" "${entrypoint[@]}" >"${WORK}/${RUN_SERVICE}.log" 2>&1 &
app_pid=$!
java_pid=""
# The JVM is the namespace's only child (every step before it execs).
stop_app() {
  [[ -n "$java_pid" ]] && kill "$java_pid" 2>/dev/null
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
}
trap 'stop_app; cleanup; rm -rf "$keys"' EXIT
sleep 1
java_pid="$(pgrep -P "$app_pid" || true)"
if ! wait_for 120 "${RUN_SERVICE} ready" curl -sf "http://127.0.0.1:${mgmt_port}/q/health/ready"; then
  tail -30 "${WORK}/${RUN_SERVICE}.log" >&2
  exit 1
fi
log "ready: $(curl -s "http://127.0.0.1:${mgmt_port}/q/health/ready" | tr -d '\n ')"
log "its JVM runs as uid $(ps -o uid= -p "$java_pid" | tr -d ' ') (pid ${java_pid}) from ${root} (read-only but /tmp)"
