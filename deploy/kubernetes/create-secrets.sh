#!/usr/bin/env bash
# Creates, once per cluster, the Secrets and the key the manifests refer to but never contain:
#   postgresql-<database>  (kubernetes.io/basic-auth: each service's PostgreSQL role and a random password;
#                           CloudNativePG sets the role's password from it, the service's pods read it)
#   redis-auth             (password: Redis's requirepass, and the services' password)
#   gateway-signing-keys   (<key id>.pem: the RS256 key that signs access tokens, and current: its key id; the
#                           gateway publishes the public halves at /api/v1/auth/jwks, from which every service
#                           verifies; ./rotate-signing-key.sh replaces the key without a restart)
#   gateway-secrets        (admin-email and admin-password-hash, when ADMIN_EMAIL and ADMIN_PASSWORD are set)
#   smtp-relay             (host, username, password: the SMTP relay notification-service sends through, port 587
#                           with STARTTLS; from SMTP_RELAY_HOST, SMTP_RELAY_USER, SMTP_RELAY_PASSWORD)
# An object that already exists is left alone (rotate a password by deleting its Secret, running this
# again and restarting the service). Needs kubectl (pointed at the cluster) and openssl.
#   ADMIN_EMAIL=admin@instainstru.com ADMIN_PASSWORD='...' SMTP_RELAY_HOST=... SMTP_RELAY_USER=... \
#   SMTP_RELAY_PASSWORD='...' ./deploy/kubernetes/create-secrets.sh
set -euo pipefail

NS="${NAMESPACE:-instainstru}"
k() { kubectl -n "$NS" "$@"; }
exists() { k get "$1" "$2" >/dev/null 2>&1; }
password() { openssl rand -base64 36 | tr -d '/+=\n' | cut -c1-32; }

kubectl get namespace "$NS" >/dev/null 2>&1 || kubectl create namespace "$NS"

for db in catalog search booking analytics notification gateway; do
  if ! exists secret "postgresql-${db}"; then
    k create secret generic "postgresql-${db}" --type=kubernetes.io/basic-auth \
      --from-literal=username="$db" --from-literal=password="$(password)"
  fi
done

exists secret redis-auth || k create secret generic redis-auth --from-literal=password="$(password)"

if ! exists secret gateway-signing-keys; then
  keys="$(mktemp -d)"
  trap 'rm -rf "$keys"' EXIT
  kid="$(date -u +%Y%m%d%H%M%S)"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "${keys}/${kid}.pem" 2>/dev/null
  k create secret generic gateway-signing-keys --from-file="${kid}.pem=${keys}/${kid}.pem" --from-literal=current="$kid"
fi

if ! exists secret gateway-secrets; then
  admin=()
  if [[ -n "${ADMIN_EMAIL:-}" && -n "${ADMIN_PASSWORD:-}" ]]; then
    command -v htpasswd >/dev/null || { echo "htpasswd (apache2-utils) is needed for the admin's bcrypt hash" >&2; exit 1; }
    admin=(--from-literal=admin-email="$ADMIN_EMAIL"
           --from-literal=admin-password-hash="$(htpasswd -bnBC 12 '' "$ADMIN_PASSWORD" | tr -d ':\n')")
  fi
  k create secret generic gateway-secrets "${admin[@]}"
fi
if ! exists secret smtp-relay; then
  if [[ -n "${SMTP_RELAY_HOST:-}" && -n "${SMTP_RELAY_USER:-}" && -n "${SMTP_RELAY_PASSWORD:-}" ]]; then
    k create secret generic smtp-relay --from-literal=host="$SMTP_RELAY_HOST" \
      --from-literal=username="$SMTP_RELAY_USER" --from-literal=password="$SMTP_RELAY_PASSWORD"
  else
    echo "smtp-relay is missing: set SMTP_RELAY_HOST, SMTP_RELAY_USER and SMTP_RELAY_PASSWORD (notification-service" \
      "cannot start without it)" >&2
  fi
fi
echo "secrets in namespace ${NS} are in place"
