#!/usr/bin/env bash
# feedback-service under load: a local stack (PostgreSQL, Kafka, Redis through local-stack), the packaged
# feedback-service, and small fakes of session-service's template endpoint and estimation-service's grading;
# then whole interviews' events produced to Kafka at RATE completed sessions per second for DURATION seconds
# (after a WARMUP at the same rate). Prints events/s consumed and the time from session.completed to the
# FINAL report (p50, p90, p99, max) and writes bench/results/feedback.json (logs: bench/results/raw/feedback/).
# Goal: p99 under 250 ms at 100/s. The warm-up is long because the goal is the steady state: at 100/s on two
# cores the JIT compiler kept a third of a core busy for about three minutes after start (bench/README.md);
# the warm-up's own figures are in the report too (warmupCompletionToFinalMs).
#
# Usage: bench/feedback/run.sh
# Environment: RATE (100), DURATION (s, 30), WARMUP (s, 180), SKIP_BUILD=1 to reuse the packaged jar,
#   WB_JAVA_OPTS (feedback-service JVM options; those in jvm.options by default).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export RATE=${RATE:-100} DURATION=${DURATION:-30} WARMUP=${WARMUP:-180}
read -r -a JVM_OPTS <<<"${WB_JAVA_OPTS:-$(grep -v '^#' "$ROOT/jvm.options" | xargs)}"
RESULTS="$ROOT/bench/results/feedback.json"
RAW="$ROOT/bench/results/raw/feedback"
TOKEN="bench-internal-token-$RANDOM$RANDOM"
WORK=$(mktemp -d /tmp/wb-bench-feedback.XXXXXX)
STARTED=()

log() { printf '[bench] %s\n' "$*" >&2; }

cleanup() {
  local pid
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 100); do
    local alive=0
    for pid in "${STARTED[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    (( alive )) || break
    sleep 0.2
  done
  for pid in "${STARTED[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  mkdir -p "$RAW"
  cp "$WORK"/*.log "$RAW"/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  local port
  for _ in $(seq 1 100); do
    # below the ephemeral range (32768-60999), where outgoing connections take their local ports
    port=$((10000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  log "no free port found"; exit 1
}

wait_http() {
  local url=$1 seconds=$2
  for _ in $(seq 1 $((seconds * 5))); do
    curl -fsS -m 2 -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  log "$url did not answer within ${seconds}s"
  return 1
}

# ---- build -------------------------------------------------------------------------------------
STACK_JAR="$ROOT/local-stack/target/local-stack-1.0.0-SNAPSHOT.jar"
STACK_CP_FILE="$ROOT/local-stack/target/classes/dev/whiteboard/stack/broker.classpath"
if [[ -z ${SKIP_BUILD:-} ]]; then
  log "packaging feedback-service"
  (cd "$ROOT" && ./mvnw -B -pl feedback-service -am install -DskipTests >"$WORK/build.log" 2>&1) \
    || { tail -40 "$WORK/build.log"; exit 1; }
fi
[[ -f $STACK_JAR && -f $STACK_CP_FILE ]] \
  || { log "local-stack is not built: ./mvnw -B -pl local-stack package -DskipTests"; exit 1; }
# A copy, so that a build of the module during the run cannot pull the jars from under the service.
SERVICE_JAR="$WORK/feedback-service-runner.jar"
cp "$ROOT/feedback-service/target/feedback-service-runner.jar" "$SERVICE_JAR"
CP="$STACK_JAR:$(cat "$STACK_CP_FILE")"
log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- PostgreSQL, Kafka, Redis ------------------------------------------------------------------
PG_PORT=$(free_port); KAFKA_PORT=$(free_port); CONTROLLER_PORT=$(free_port); REDIS_PORT=$(free_port)
log "starting the local stack (postgres $PG_PORT, kafka $KAFKA_PORT, redis $REDIS_PORT)"
env -u WB_POSTGRES_HOST -u WB_KAFKA_BOOTSTRAP -u WB_REDIS_URL \
  WB_EMBEDDED_POSTGRES_PORT=$PG_PORT WB_EMBEDDED_KAFKA_PORT=$KAFKA_PORT \
  WB_EMBEDDED_KAFKA_CONTROLLER_PORT=$CONTROLLER_PORT WB_EMBEDDED_REDIS_PORT=$REDIS_PORT \
  java -cp "$CP" dev.whiteboard.stack.LocalStack "$WORK/stack" "$WORK/stack.env" >"$WORK/stack.log" 2>&1 &
STARTED+=($!)
for _ in $(seq 1 900); do [[ -s $WORK/stack.env ]] && break; sleep 0.2; done
[[ -s $WORK/stack.env ]] || { tail -30 "$WORK/stack.log"; exit 1; }
# shellcheck disable=SC1091
source "$WORK/stack.env"

# ---- the other services' contracts -------------------------------------------------------------
java -cp "$CP" "$HERE/FakeServices.java" "$ROOT/session-service/src/main/resources/templates/default-template.json" \
  "$TOKEN" >"$WORK/fakes.log" 2>&1 &
STARTED+=($!)
for _ in $(seq 1 150); do grep -q listening "$WORK/fakes.log" 2>/dev/null && break; sleep 0.2; done
grep -q listening "$WORK/fakes.log" || { cat "$WORK/fakes.log"; exit 1; }
read -r _ SESSION_PORT ESTIMATION_PORT < <(grep listening "$WORK/fakes.log")

# ---- feedback-service --------------------------------------------------------------------------
SERVICE_PORT=$(free_port)
log "starting feedback-service on port $SERVICE_PORT (${JVM_OPTS[*]})"
WB_SESSION_URL=http://127.0.0.1:$SESSION_PORT WB_ESTIMATION_URL=http://127.0.0.1:$ESTIMATION_PORT \
  WB_INTERNAL_TOKEN=$TOKEN WB_KEY_PEPPER="bench-pepper-$RANDOM$RANDOM" \
  QUARKUS_HTTP_PORT=$SERVICE_PORT QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_LOG_LEVEL=WARN \
  java "${JVM_OPTS[@]}" -jar "$SERVICE_JAR" >"$WORK/service.log" 2>&1 &
STARTED+=($!)
wait_http "http://127.0.0.1:$SERVICE_PORT/q/health/ready" 120 || { tail -40 "$WORK/service.log"; exit 1; }

# ---- load --------------------------------------------------------------------------------------
log "producing whole interviews at $RATE completed sessions/s for ${DURATION}s (after ${WARMUP}s of warm-up)"
TEMPLATE_VERSION=$(sed -n 's/^  "version": *\([0-9]*\),.*/\1/p' "$ROOT/session-service/src/main/resources/templates/default-template.json") \
BOOTSTRAP=$WB_KAFKA_BOOTSTRAP JDBC_URL="jdbc:postgresql://127.0.0.1:$WB_POSTGRES_PORT/whiteboard_feedback" \
  java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$HERE/FeedbackBench.java" "$RESULTS"
grep -E 'ERROR' "$WORK/service.log" | head -5 >&2 || true
log "written to $RESULTS"
