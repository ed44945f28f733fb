#!/usr/bin/env bash
# Prints an RS256 JWT for local use, signed with deploy/local/.keys/jwt-private.pem (created by up.sh).
# Only bash, openssl and base64 are needed.
#
# Usage: mint-token.sh [--sub UUID] [--groups admin,instructor] [--ttl SECONDS] [--name UPN]
#   defaults: the fixed local admin 00000000-0000-0000-0000-00000000a001, groups "admin", ttl 900 (the longest the services accept).
# Env: JWT_PRIVATE_KEY to sign with another PKCS#8 key file.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PRIVATE_KEY="${JWT_PRIVATE_KEY:-${SCRIPT_DIR}/.keys/jwt-private.pem}"
ISSUER=instainstru

usage() { sed -n '2,7s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit "${1:-2}"; }

# base64url without padding, from stdin.
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# JSON string literal (escapes backslash, quote and control characters we might meet).
json_str() {
  local s="$1"
  s="${s//\\/\\\\}"; s="${s//\"/\\\"}"
  s="${s//$'\n'/\\n}"; s="${s//$'\r'/\\r}"; s="${s//$'\t'/\\t}"
  printf '"%s"' "$s"
}

# "a,b" -> ["a","b"] (empty items dropped)
json_array() {
  local IFS=, item out=() items
  read -r -a items <<<"$1"
  for item in "${items[@]}"; do
    [[ -n "$item" ]] && out+=("$(json_str "$item")")
  done
  local IFS=,
  printf '[%s]' "${out[*]-}"
}

random_uuid() {
  local h
  h="$(openssl rand -hex 16)"
  printf '%s-%s-4%s-a%s-%s' "${h:0:8}" "${h:8:4}" "${h:13:3}" "${h:17:3}" "${h:20:12}"
}

sub=00000000-0000-0000-0000-00000000a001
groups="admin"
ttl=900
name=""
while (( $# > 0 )); do
  case "$1" in
    --sub) sub="${2:?--sub needs a value}"; shift 2 ;;
    --groups) groups="${2?--groups needs a value}"; shift 2 ;;
    --ttl) ttl="${2:?--ttl needs a value}"; shift 2 ;;
    --name) name="${2:?--name needs a value}"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done
[[ "$ttl" =~ ^[0-9]+$ ]] || { echo "--ttl must be a number of seconds" >&2; exit 2; }
[[ -f "$PRIVATE_KEY" ]] || { echo "no private key at ${PRIVATE_KEY} (run up.sh first)" >&2; exit 1; }
# upn is the principal name SmallRye JWT reports; default to the first group, e.g. "admin".
[[ -n "$name" ]] || name="${groups%%,*}"
[[ -n "$name" ]] || name="$sub"

iat="$(date +%s)"
header='{"alg":"RS256","typ":"JWT"}'
payload="{\"iss\":$(json_str "$ISSUER"),\"sub\":$(json_str "$sub"),\"upn\":$(json_str "$name"),\"groups\":$(json_array "$groups"),\"iat\":${iat},\"exp\":$((iat + ttl)),\"jti\":$(json_str "$(random_uuid)")}"

signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature="$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$PRIVATE_KEY" -binary | b64url)"
printf '%s.%s\n' "$signing_input" "$signature"
