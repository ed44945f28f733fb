#!/usr/bin/env bash
# Rotates the key that signs access tokens, without restarting anything (README.md, "Rotating the signing key").
# The keys live in the Secret gateway-signing-keys (<key id>.pem, and current: the key id that signs); the gateway
# reads it again every 10 s (the kubelet brings a changed Secret within about a minute) and publishes every key in
# it at /api/v1/auth/jwks, which the services read again every 10 minutes (and at once for an unknown key id).
#   ./rotate-signing-key.sh add            # a new key: published, not signing yet; prints its id
#   ./rotate-signing-key.sh use <key id>   # it signs from now on (wait 11 minutes after add: every pod has it)
#   ./rotate-signing-key.sh retire <id>    # an old key leaves the set (wait 16 minutes after use: its tokens expired)
#   ./rotate-signing-key.sh list           # the key ids, and the current one
# Needs kubectl (pointed at the cluster) and openssl.
set -euo pipefail

NS="${NAMESPACE:-instainstru}"
SECRET=gateway-signing-keys
k() { kubectl -n "$NS" "$@"; }
current() { k get secret "$SECRET" -o jsonpath='{.data.current}' | base64 -d; }
ids() { k get secret "$SECRET" -o go-template='{{range $k, $v := .data}}{{$k}}{{"\n"}}{{end}}' | sed -n 's/\.pem$//p'; }
known() { ids | grep -qx -- "$1"; }

case "${1:-}" in
  add)
    kid="$(date -u +%Y%m%d%H%M%S)"
    pem="$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | base64 -w0)"
    k patch secret "$SECRET" --type merge -p "{\"data\":{\"${kid}.pem\":\"${pem}\"}}" >/dev/null
    echo "$kid"
    ;;
  use)
    kid="${2:?usage: $0 use <key id>}"
    known "$kid" || { echo "no key $kid in $SECRET (keys: $(ids | tr '\n' ' '))" >&2; exit 1; }
    k patch secret "$SECRET" --type merge -p "{\"data\":{\"current\":\"$(printf '%s' "$kid" | base64 -w0)\"}}" >/dev/null
    echo "$kid signs from the gateway's next reading of the Secret"
    ;;
  retire)
    kid="${2:?usage: $0 retire <key id>}"
    [[ "$kid" != "$(current)" ]] || { echo "$kid is the current key: use another one first" >&2; exit 1; }
    known "$kid" || { echo "no key $kid in $SECRET" >&2; exit 1; }
    k patch secret "$SECRET" --type json -p "[{\"op\":\"remove\",\"path\":\"/data/${kid}.pem\"}]" >/dev/null
    echo "$kid is no longer published: tokens it signed stop verifying"
    ;;
  list)
    echo "current: $(current)"
    ids
    ;;
  *)
    sed -n '2,10p' "$0" >&2
    exit 2
    ;;
esac
