#!/usr/bin/env bash
# Creates the Secrets the dev overlay references, with random values generated on the spot.
# Nothing is written to disk and nothing is committed. A Secret that already exists is left alone
# (PostgreSQL keeps the passwords it was initialised with); delete it first to regenerate it.
# Usage: deploy/overlays/dev/create-secrets.sh [namespace]   (default: whiteboard-dev)
set -euo pipefail

ns=${1:-whiteboard-dev}
host=whiteboard.localtest.me

random() { openssl rand -base64 36 | tr -d '/+=\n' | cut -c1-40; }

exists() {
  if kubectl -n "$ns" get secret "$1" >/dev/null 2>&1; then
    echo "secret/$1 exists, kept"
  else
    return 1
  fi
}

kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"

exists whiteboard-postgres-admin || kubectl -n "$ns" create secret generic whiteboard-postgres-admin \
  --from-literal=password="$(random)"

exists whiteboard-session-db || kubectl -n "$ns" create secret generic whiteboard-session-db \
  --type=kubernetes.io/basic-auth --from-literal=username=wb_session --from-literal=password="$(random)"

exists whiteboard-feedback-db || kubectl -n "$ns" create secret generic whiteboard-feedback-db \
  --type=kubernetes.io/basic-auth --from-literal=username=wb_feedback --from-literal=password="$(random)"

redis_password=$(random)
exists whiteboard-redis || kubectl -n "$ns" create secret generic whiteboard-redis \
  --from-literal=password="$redis_password" \
  --from-literal=url="redis://:${redis_password}@whiteboard-redis:6379"

exists whiteboard-shared || kubectl -n "$ns" create secret generic whiteboard-shared \
  --from-literal=key-pepper="$(random)" --from-literal=internal-token="$(random)"

exists whiteboard-operator || kubectl -n "$ns" create secret generic whiteboard-operator \
  --from-literal=operator-secret="$(random)"

if ! exists whiteboard-tls; then
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=$host" \
    -addext "subjectAltName=DNS:$host" -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null
  kubectl -n "$ns" create secret tls whiteboard-tls --cert="$dir/tls.crt" --key="$dir/tls.key"
fi

echo "operator secret (for /admin): kubectl -n $ns get secret whiteboard-operator -o jsonpath='{.data.operator-secret}' | base64 -d"
