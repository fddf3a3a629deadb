#!/usr/bin/env bash
# Suite benchmarks: start-up time and resident memory of each service (idle and under wrk load) and
# concurrent SSE streams held by one session-service instance. Writes bench/results/suite.json.
# Needs the services packaged (bench/run.sh builds them) and wrk. See bench/README.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=${1:-bench/results/suite.json}
RAW=bench/results/raw/suite
mkdir -p "$RAW" "$(dirname "$OUT")"

command -v wrk >/dev/null || { echo "bench/suite needs wrk (apt-get install -y wrk)" >&2; exit 1; }
for s in session-service estimation-service feedback-service; do
  [[ -f $s/target/$s-runner.jar ]] || { echo "$s is not packaged: run bench/run.sh (it builds)" >&2; exit 1; }
done

./mvnw -B -f bench/suite/pom.xml package >"$RAW/build.log" 2>&1 || { tail -30 "$RAW/build.log"; exit 1; }
# 10,000 streams need as many sockets in this client and in session-service (which inherits the limit).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec java -Xmx1g -cp "bench/suite/target/classes:$(cat bench/suite/target/classpath.txt)" \
  dev.whiteboard.bench.SuiteBench "$ROOT" "$OUT"
