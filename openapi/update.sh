#!/usr/bin/env bash
# Regenerates the committed OpenAPI documents (openapi/<service>.json) from the services' current sources.
# Usage: openapi/update.sh [service...]   (default: all three)
#
# The services are built in a scratch copy of the working tree, so nothing under the modules' target/
# folders changes; Quarkus writes each service's document at build time
# (quarkus.smallrye-openapi.store-schema-directory), and its keys are sorted so a diff shows only real changes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
services=("$@")
(( ${#services[@]} )) || services=(session-service estimation-service feedback-service)
command -v python3 >/dev/null || { echo "openapi/update.sh needs python3" >&2; exit 1; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/whiteboard-openapi.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

tar -C "$root" --exclude=./.git --exclude='*/target' --exclude=./target --exclude=./.whiteboard \
    --exclude='*/node_modules' -cf - . | tar -C "$scratch" -xf -

modules=$(IFS=,; echo "${services[*]}")
# --fail-at-end: a service that does not build keeps its committed document; the others are still updated.
build_status=0
(cd "$scratch" && ./mvnw -B -Dmaven.test.skip=true --fail-at-end package -pl "$modules" -am \
    -Dquarkus.smallrye-openapi.store-schema-directory=target/openapi) || build_status=$?

missing=0
for service in "${services[@]}"; do
  built="$scratch/$service/target/openapi/openapi.json"
  if [[ ! -s "$built" ]]; then
    echo "openapi/$service.json: NOT updated, the service did not build (see the Maven output above)" >&2
    missing=1
    continue
  fi
  # Sorted keys, two-space indent; integers stay exact (jq would turn them into doubles).
  python3 - "$built" "$root/openapi/$service.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(document, out, indent=2, sort_keys=True, ensure_ascii=False)
    out.write("\n")
methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
print(f"openapi/{sys.argv[2].rsplit('/', 1)[-1]}: "
      f"{sum(len(methods & set(item)) for item in document.get('paths', {}).values())} operations")
PY
done
(( missing == 0 && build_status == 0 ))
