#!/usr/bin/env bash
# Lints every OpenAPI document the build wrote (<module>/target/openapi/<module>.json: each service's, and the
# gateway's, made of them) with Redocly CLI's recommended rules; fails on any error (warnings are printed).
# Needs a build first (mvn -DskipTests install, or test.sh, which runs this after the whole suite) and Node.js
# with npm (Debian's; infra.sh installs them). The linter comes from the npm registry at the version
# openapi-lint/package-lock.json pins (npm ci, once); linting itself needs no network.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
LINT_DIR="${SCRIPT_DIR}/openapi-lint"
REDOCLY="${LINT_DIR}/node_modules/.bin/redocly"

command -v npm >/dev/null || { echo "lint-openapi: npm is missing (apt-get install nodejs npm, or run ./deploy/local/up.sh once)" >&2; exit 1; }
if [[ ! -x "$REDOCLY" ]]; then
  echo "lint-openapi: installing Redocly CLI (npm ci in ${LINT_DIR})" >&2
  (cd "$LINT_DIR" && npm ci --no-audit --no-fund --loglevel=error) >&2 \
    || { echo "lint-openapi: npm ci failed: the npm registry is needed once, for the linter" >&2; exit 1; }
fi

shopt -s nullglob
documents=("$ROOT"/*/target/openapi/*.json)
if (( ${#documents[@]} == 0 )); then
  echo "lint-openapi: no document under */target/openapi/: build first (mvn -B -DskipTests install)" >&2
  exit 1
fi

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
failed=0
for document in "${documents[@]}"; do
  if "$REDOCLY" lint --format=summary "$document" >"${document%.json}.lint.txt" 2>&1; then
    echo "lint-openapi: ${document#"$ROOT"/}: no error ($(grep -c '^warning' "${document%.json}.lint.txt" || true) kinds of warning)"
  else
    echo "lint-openapi: ${document#"$ROOT"/}: errors:" >&2
    grep -E '^(error|warning)' "${document%.json}.lint.txt" >&2 || cat "${document%.json}.lint.txt" >&2
    failed=1
  fi
done
exit "$failed"
