#!/usr/bin/env bash
# Checks the Kubernetes manifests: renders deploy/kubernetes with kustomize, validates every object
# against the Kubernetes 1.32 API (and the custom resources' models) and the project's rules, and runs
# the checker's own tests (faults planted in a copy of the manifests must each fail it). See
# deploy/kubernetes/README.md ("Checked in the suite"). test.sh runs it; alone:
#   ./deploy/local/check-manifests.sh            # check, and test the checker
#   ./deploy/local/check-manifests.sh --render   # only print the rendered manifests
#   ./deploy/local/check-manifests.sh --budget   # print the connection budget (README.md's table)
#
# kustomize comes from Debian's trixie package (bookworm has none), downloaded through a private apt
# configuration into deploy/local/.run/tools: the machine's apt sources are not changed.
set -euo pipefail

CHECK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "${CHECK_DIR}/../.." && pwd)"
TOOLS_DIR="${CHECK_DIR}/.run/tools"
KUSTOMIZE="${TOOLS_DIR}/kustomize"

# The apt helpers only: nothing is installed or started for the manifests.
# shellcheck source=infra.sh
INFRA_LIB_ONLY=1 source "${CHECK_DIR}/infra.sh"

install_kustomize() {
  [[ -x "$KUSTOMIZE" ]] && return 0
  command -v dpkg-deb >/dev/null || { infra_log "dpkg-deb is missing"; return 1; }
  local uri keyring apt_dir opts deb
  read -r uri keyring < <(debian_archive_source) || {
    infra_log "cannot find the Debian archive URI in the apt sources"; return 1; }
  if [[ "$keyring" == "-" || ! -f "$keyring" ]]; then
    keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  fi
  infra_log "installing kustomize from Debian trixie into ${TOOLS_DIR}"
  apt_dir="$(mktemp -d)"
  mkdir -p "${apt_dir}/lists/partial" "${apt_dir}/cache/archives/partial" "${apt_dir}/download"
  echo "deb [signed-by=${keyring}] ${uri} trixie main" >"${apt_dir}/sources.list"
  chown -R _apt "$apt_dir" 2>/dev/null || true # apt downloads as the unprivileged _apt user
  opts=(-o "Dir::Etc::SourceList=${apt_dir}/sources.list" -o "Dir::Etc::SourceParts=/nonexistent"
        -o "Dir::State::Lists=${apt_dir}/lists" -o "Dir::Cache=${apt_dir}/cache" -o "Debug::NoLocking=1")
  apt-get -qq "${opts[@]}" update
  (cd "${apt_dir}/download" && apt-get -qq "${opts[@]}" download kustomize)
  deb="$(ls "${apt_dir}"/download/kustomize_*.deb)"
  dpkg-deb -x "$deb" "${apt_dir}/root"
  mkdir -p "$TOOLS_DIR"
  install -m 0755 "${apt_dir}/root/usr/bin/kustomize" "$KUSTOMIZE"
  infra_log "kustomize $(dpkg-deb -f "$deb" Version) installed"
  rm -rf "$apt_dir"
}

install_kustomize
if [[ "${1:-}" == "--render" ]]; then
  exec "$KUSTOMIZE" build "${REPO_DIR}/deploy/kubernetes"
fi
command -v mvn >/dev/null || apt_install maven
cd "${REPO_DIR}/deploy/kubernetes/check"
if [[ "${1:-}" == "--budget" ]]; then
  mvn -B -q -DskipTests package
  exec java -cp "target/classes:$(cat target/classpath.txt)" com.instainstru.manifests.Check \
    --kustomize "$KUSTOMIZE" --repo "$REPO_DIR" --budget
fi
# The checker's tests plant faults in copies of the manifests (each must fail it); then the real
# manifests are checked and every problem is printed.
log="$(mktemp)"
if ! mvn -B -Dkustomize="$KUSTOMIZE" -Drepo="$REPO_DIR" verify >"$log" 2>&1; then
  grep -v '^\s*at ' "$log" | tail -60
  rm -f "$log"
  echo "manifest check: the checker's build or its tests failed" >&2
  exit 1
fi
grep -E 'Tests run:.*Fail' "$log" | tail -1
rm -f "$log"
exec java -cp "target/classes:$(cat target/classpath.txt)" com.instainstru.manifests.Check \
  --kustomize "$KUSTOMIZE" --repo "$REPO_DIR"
