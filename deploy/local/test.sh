#!/usr/bin/env bash
# Runs the whole build with its tests against local PostgreSQL (+ pgvector, btree_gist) and Redis,
# which infra.sh installs/starts when needed. Arguments go to Maven, e.g. -pl catalog-service.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra.sh
source "${SCRIPT_DIR}/infra.sh"

cd "${SCRIPT_DIR}/../.."
mvn -B verify "$@"
