#!/usr/bin/env bash
# Runs the whole build with its tests against local PostgreSQL (+ pgvector, btree_gist) and Redis,
# which infra.sh installs/starts when needed, and Debian's chromium for the browser tests. Arguments go to Maven, e.g. -pl catalog-service.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra.sh
source "${SCRIPT_DIR}/infra.sh"

# The web app's browser tests drive Debian's chromium (Playwright never downloads a browser here):
# installed when missing; without it those tests fail, they are never skipped.
if [[ ! -x /usr/bin/chromium ]]; then
  apt_install chromium
fi

reset_test_databases

# The Kubernetes manifests (deploy/kubernetes): rendered, validated against the API schemas and the
# project's rules, and the checker's own planted-fault tests. Skipped when Maven arguments narrow the run.
if (( $# == 0 )); then
  "${SCRIPT_DIR}/check-manifests.sh"
fi

cd "${SCRIPT_DIR}/../.."
mvn -B verify "$@"

# Every OpenAPI document the build wrote, linted (Redocly's recommended rules, no error allowed). The whole
# suite only: a narrowed run may leave other modules' documents from an older build.
if (( $# == 0 )); then
  "${SCRIPT_DIR}/lint-openapi.sh"
fi
