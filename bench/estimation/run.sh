#!/usr/bin/env bash
# Load run of estimation-service's POST /estimates beside a bare Vert.x endpoint answering the same body,
# on this machine, in the same run (and beside two more: one that also decodes and encodes the JSON, one that
# does the service's own work on bare Vert.x): JMH of one estimate, then wrk (bounded in time, many different
# bodies) against all four in rounds of turning order, with each server's CPU time per request, then a
# fixed-rate run at half the measured throughput for p99 latency. Prints the figures and writes
# bench/results/estimation.json.
#
# Usage: bench/estimation/run.sh
# Environment: DURATION (s per wrk round, 15), ROUNDS (3), WARMUP (s, 10), THREADS (wrk, 2),
#   CONNECTIONS (64), RATE_SECONDS (fixed-rate run, 20), SKIP_BUILD=1 to reuse built jars, SKIP_JMH=1,
#   WB_REDIS_URL to use a running Redis instead of starting one through local-stack,
#   AUTH=internal to call with the service-to-service token instead of an API key (to see what the
#   key lookup and rate limiting cost), RESULTS (the JSON file), WB_JAVA_OPTS (JVM options of both
#   servers, the launcher's by default). Other QUARKUS_* / WB_* variables reach the service as they are;
#   QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE also sets the baselines' event loops. SERVICE_JAVA_OPTS adds JVM
#   options to the service alone (a JFR recording, say).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
RATE_SECONDS=${RATE_SECONDS:-20}
# the services' JVM options (jvm.options, as ./whiteboard up uses them), for the service and the baseline alike
read -r -a JVM_OPTS <<<"${WB_JAVA_OPTS:-$(grep -v '^#' "$ROOT/jvm.options" | xargs)}"
RESULTS=${RESULTS:-"$ROOT/bench/results/estimation.json"}
WORK=$(mktemp -d /tmp/wb-bench-estimation.XXXXXX)
STARTED=()

cleanup() {
  local pid
  for pid in "${STARTED[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${STARTED[@]}"; do
      kill -0 "$pid" 2>/dev/null && alive=1
    done
    (( alive )) || break
    sleep 0.2
  done
  for pid in "${STARTED[@]}"; do
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

log() { printf '[bench] %s\n' "$*" >&2; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  exit 1
}

wait_http() {
  local url=$1 seconds=$2
  for _ in $(seq 1 $((seconds * 5))); do
    if curl -fsS -m 2 -o /dev/null "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  log "$url did not answer within ${seconds}s"
  return 1
}

# CPU time (user + system) a process has used so far, in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if ! command -v wrk >/dev/null; then
  log "installing wrk"
  apt-get install -y wrk >/dev/null
fi

# ---- build -------------------------------------------------------------------------------------
if [[ -z ${SKIP_BUILD:-} ]]; then
  log "building estimation-service and the benchmark module"
  (cd "$ROOT" && ./mvnw -B -pl estimation-service -am install -DskipTests >"$WORK/build.log" 2>&1) \
    || { tail -40 "$WORK/build.log"; exit 1; }
  (cd "$ROOT" && ./mvnw -B -f bench/estimation/pom.xml package >>"$WORK/build.log" 2>&1) \
    || { tail -40 "$WORK/build.log"; exit 1; }
fi
SERVICE_JAR="$ROOT/estimation-service/target/estimation-service-runner.jar"
CP="$HERE/target/classes:$ROOT/estimation-service/target/estimation-service-1.0.0-SNAPSHOT.jar.original:$(cat "$HERE/target/runtime.classpath")"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "machine: $(nproc) cores, load average $LOAD_BEFORE"

# ---- JMH: one estimate --------------------------------------------------------------------------
JMH_ESTIMATE=null
JMH_FULL=null
JMH_READ=null
JMH_WRITE=null
if [[ -z ${SKIP_JMH:-} ]]; then
  log "JMH: one estimate (arithmetic alone, reading alone, writing alone, and JSON in to JSON out)"
  java -cp "$CP" org.openjdk.jmh.Main EstimateBenchmark -rf csv -rff "$WORK/jmh.csv" >"$WORK/jmh.log" 2>&1 \
    || { tail -20 "$WORK/jmh.log"; exit 1; }
  JMH_ESTIMATE=$(awk -F, '/EstimateBenchmark.estimate"/ { print $5 }' "$WORK/jmh.csv")
  JMH_FULL=$(awk -F, '/requestToResponseBytes/ { print $5 }' "$WORK/jmh.csv")
  JMH_READ=$(awk -F, '/readRequest/ { print $5 }' "$WORK/jmh.csv")
  JMH_WRITE=$(awk -F, '/writeResponse/ { print $5 }' "$WORK/jmh.csv")
fi

# ---- Redis and an API key ----------------------------------------------------------------------
if [[ -n ${WB_REDIS_URL:-} ]]; then
  REDIS_URL=$WB_REDIS_URL
else
  REDIS_PORT=$(free_port)
  log "starting Redis through local-stack on port $REDIS_PORT"
  WB_POSTGRES_HOST=external WB_KAFKA_BOOTSTRAP=external WB_EMBEDDED_REDIS_PORT=$REDIS_PORT \
    java -cp "$CP" dev.whiteboard.stack.LocalStack "$WORK/stack" "$WORK/stack.env" >"$WORK/stack.log" 2>&1 &
  STARTED+=($!)
  for _ in $(seq 1 100); do [[ -s $WORK/stack.env ]] && break; sleep 0.2; done
  [[ -s $WORK/stack.env ]] || { cat "$WORK/stack.log"; exit 1; }
  REDIS_URL=$(sed -n "s/^export WB_REDIS_URL='\(.*\)'$/\1/p" "$WORK/stack.env")
fi
REDIS_HOST_PORT=${REDIS_URL#redis://}
REDIS_HOST_PORT=${REDIS_HOST_PORT##*@}
REDIS_HOST_PORT=${REDIS_HOST_PORT%%/*}
PEPPER="bench-pepper-$RANDOM$RANDOM"
KEY=$(java -cp "$CP" dev.whiteboard.bench.estimation.BenchApiKey "${REDIS_HOST_PORT%:*}" "${REDIS_HOST_PORT##*:}" "$PEPPER" pro)
INTERNAL_TOKEN="bench-internal-token-$RANDOM$RANDOM"
AUTH_HEADER=X-API-Key
if [[ ${AUTH:-key} == internal ]]; then
  KEY=$INTERNAL_TOKEN
  AUTH_HEADER=X-Internal-Token
fi

# ---- the two servers ---------------------------------------------------------------------------
SERVICE_PORT=$(free_port)
log "starting estimation-service on port $SERVICE_PORT"
WB_REDIS_URL=$REDIS_URL WB_KEY_PEPPER=$PEPPER WB_INTERNAL_TOKEN=$INTERNAL_TOKEN \
  WB_PRO_REQUESTS_PER_MINUTE=1000000000 WB_PRO_EXPENSIVE_PER_MINUTE=1000000000 \
  WB_TIERS_PRO_REQUESTS_PER_MINUTE=1000000000 \
  QUARKUS_HTTP_PORT=$SERVICE_PORT QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_LOG_LEVEL=WARN \
  java "${JVM_OPTS[@]}" ${SERVICE_JAVA_OPTS:-} -jar "$SERVICE_JAR" >"$WORK/service.log" 2>&1 &
STARTED+=($!)
SERVICE_PID=$!
wait_http "http://127.0.0.1:$SERVICE_PORT/q/health/ready" 60 || { tail -30 "$WORK/service.log"; exit 1; }

java -cp "$CP" dev.whiteboard.bench.estimation.RequestBodies "$WORK/bodies.txt" 1000
STATUS=$(head -1 "$WORK/bodies.txt" | curl -sS -o "$WORK/answer.json" -w '%{http_code}' -H "$AUTH_HEADER: $KEY" \
  -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$SERVICE_PORT/estimates")
[[ $STATUS == 200 ]] || { log "POST /estimates answered $STATUS: $(cat "$WORK/answer.json")"; exit 1; }

# the goal's baseline answers the bytes as they are; the second decodes the body and encodes the answer with
# Vert.x's JSON on every request; the third runs the service's reader, estimator and writer (see BaselineServer)
start_baseline() {
  local mode=$1 port=$2
  log "starting the bare Vert.x baseline ($mode) on port $port ($(wc -c <"$WORK/answer.json") byte answer)"
  java "${JVM_OPTS[@]}" -cp "$CP" dev.whiteboard.bench.estimation.BaselineServer "$port" "$WORK/answer.json" \
    "${QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE:-}" "$mode" >"$WORK/baseline-$mode.log" 2>&1 &
  STARTED+=($!)
  for _ in $(seq 1 100); do grep -q listening "$WORK/baseline-$mode.log" 2>/dev/null && break; sleep 0.2; done
  grep listening "$WORK/baseline-$mode.log" >&2 || { cat "$WORK/baseline-$mode.log"; exit 1; }
}
BASELINE_PORT=$(free_port)
start_baseline static "$BASELINE_PORT"
BASELINE_PID=${STARTED[-1]}
JSON_BASELINE_PORT=$(free_port)
start_baseline json "$JSON_BASELINE_PORT"
JSON_BASELINE_PID=${STARTED[-1]}
COMPUTE_BASELINE_PORT=$(free_port)
start_baseline compute "$COMPUTE_BASELINE_PORT"
COMPUTE_BASELINE_PID=${STARTED[-1]}
# the compute baseline must do the service's work: its answer to the first body is the service's, byte for byte
head -1 "$WORK/bodies.txt" | curl -sS -o "$WORK/compute-answer.json" -H 'Content-Type: application/json' \
  --data-binary @- "http://127.0.0.1:$COMPUTE_BASELINE_PORT/estimates"
cmp -s "$WORK/answer.json" "$WORK/compute-answer.json" \
  || { log "the compute baseline's answer differs from the service's"; exit 1; }

# ---- wrk: throughput, alternating rounds ---------------------------------------------------------
export WB_BENCH_BODIES="$WORK/bodies.txt" WB_BENCH_API_KEY="$KEY" WB_BENCH_AUTH_HEADER="$AUTH_HEADER"
run_wrk() {
  local port=$1 seconds=$2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$HERE/estimates.lua" "http://127.0.0.1:$port" \
    | grep WRK_RESULT
}
SIDES=(service baseline json compute)
# per side: its port and server process, and each round's figures as comma-separated lists
declare -A RPS P99S CPUS PORT PID
PORT=([service]=$SERVICE_PORT [baseline]=$BASELINE_PORT [json]=$JSON_BASELINE_PORT [compute]=$COMPUTE_BASELINE_PORT)
PID=([service]=$SERVICE_PID [baseline]=$BASELINE_PID [json]=$JSON_BASELINE_PID [compute]=$COMPUTE_BASELINE_PID)
log "warming up all ${#SIDES[@]} for ${WARMUP}s each"
for side in "${SIDES[@]}"; do
  run_wrk "${PORT[$side]}" "$WARMUP" >/dev/null
done

NON2XX=0
for round in $(seq 1 "$ROUNDS"); do
  # the order turns each round, so that no side always runs first or last
  shift_by=$(( (round - 1) % ${#SIDES[@]} ))
  order=("${SIDES[@]:shift_by}" "${SIDES[@]:0:shift_by}")
  for side in "${order[@]}"; do
    ticks=$(cpu_ticks "${PID[$side]}")
    result=$(run_wrk "${PORT[$side]}" "$DURATION")
    ticks=$(( $(cpu_ticks "${PID[$side]}") - ticks ))
    rps=$(field rps "$result")
    # the server's own CPU time per request answered in this round, in microseconds
    cpu_us=$(awk -v t="$ticks" -v hz="$TICKS_PER_SECOND" -v n="$(field requests "$result")" \
      'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
    p99=$(field p99_us "$result")
    non2xx=$(field non2xx "$result")
    log "round $round $side: $rps req/s, p99 under saturation ${p99} us, non-2xx $non2xx, server CPU ${cpu_us} us/request"
    RPS[$side]+="${RPS[$side]:+,}$rps"; P99S[$side]+="${P99S[$side]:+,}$p99"; CPUS[$side]+="${CPUS[$side]:+,}$cpu_us"
    [[ $side == service ]] && NON2XX=$((NON2XX + non2xx))
  done
done
median_rps() { median ${RPS[$1]//,/ }; }
share() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
# what every side reports, as the inside of a JSON object
rounds_json() {
  echo "\"requestsPerSecond\": [${RPS[$1]}], \"median\": $(median_rps "$1"), \"p99MicrosAtSaturation\": [${P99S[$1]}],
    \"cpuMicrosPerRequest\": [${CPUS[$1]}]"
}
SERVICE_MEDIAN=$(median_rps service)
BASELINE_MEDIAN=$(median_rps baseline)
JSON_MEDIAN=$(median_rps json)
COMPUTE_MEDIAN=$(median_rps compute)
RATIO=$(share "$SERVICE_MEDIAN" "$BASELINE_MEDIAN")
JSON_RATIO=$(share "$SERVICE_MEDIAN" "$JSON_MEDIAN")
COMPUTE_RATIO=$(share "$SERVICE_MEDIAN" "$COMPUTE_MEDIAN")
(( NON2XX == 0 )) || log "WARNING: the service answered $NON2XX non-2xx responses under load"

# ---- fixed rate at half the service's throughput: latency ----------------------------------------
RATE=$(awk -v a="$SERVICE_MEDIAN" 'BEGIN { printf "%d", a / 2 }')
log "fixed rate: $RATE req/s for ${RATE_SECONDS}s against each, after 10s of warm-up"
SERVICE_FIXED=$(java -cp "$CP" dev.whiteboard.bench.estimation.FixedRateLoad "$SERVICE_PORT" "$WORK/bodies.txt" "$KEY" \
  "$RATE" "$RATE_SECONDS" 10 "$CONNECTIONS" "$AUTH_HEADER" | tail -1)
BASELINE_FIXED=$(java -cp "$CP" dev.whiteboard.bench.estimation.FixedRateLoad "$BASELINE_PORT" "$WORK/bodies.txt" "$KEY" \
  "$RATE" "$RATE_SECONDS" 10 "$CONNECTIONS" | tail -1)
P99=$(sed -n 's/.*"p99Ms":\([0-9.]*\).*/\1/p' <<<"$SERVICE_FIXED")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- report ------------------------------------------------------------------------------------
mkdir -p "$(dirname "$RESULTS")"
cat >"$RESULTS" <<JSON
{
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "machine": {"cores": $(nproc), "loadAverageBefore": "$LOAD_BEFORE", "loadAverageAfter": "$LOAD_AFTER"},
  "command": "bench/estimation/run.sh",
  "auth": "$AUTH_HEADER",
  "wrk": {"threads": $THREADS, "connections": $CONNECTIONS, "secondsPerRound": $DURATION, "rounds": $ROUNDS,
          "bodies": 1000},
  "jmhNanosPerOp": {"estimate": $JMH_ESTIMATE, "readRequest": $JMH_READ, "writeResponse": $JMH_WRITE,
                    "requestToResponseBytes": $JMH_FULL},
  "service": {$(rounds_json service), "non2xx": $NON2XX},
  "baseline": {$(rounds_json baseline)},
  "jsonBaseline": {$(rounds_json json), "serviceThroughputShare": $JSON_RATIO,
    "what": "Vert.x decodes the body into a JsonObject and encodes the same answer on every request"},
  "computeBaseline": {$(rounds_json compute), "serviceThroughputShare": $COMPUTE_RATIO,
    "what": "the service's reader, estimator and writer on bare Vert.x, without Quarkus, API keys, rate limits or metrics"},
  "ratio": $RATIO,
  "goalRatio": 0.8,
  "fixedRate": {"service": $SERVICE_FIXED, "baseline": $BASELINE_FIXED},
  "goalP99Ms": 5,
  "jvmOptions": "${JVM_OPTS[*]}",
  "goals": [
    {"figure": "POST /estimates throughput / bare Vert.x baseline", "value": $RATIO, "unit": "ratio",
     "goal": ">= 0.8", "met": $(awk -v r="$RATIO" 'BEGIN { print (r >= 0.8) ? "true" : "false" }')},
    {"figure": "POST /estimates p99 at half the measured throughput", "value": $P99, "unit": "ms",
     "goal": "< 5", "met": $(awk -v p="$P99" 'BEGIN { print (p < 5) ? "true" : "false" }')}
  ]
}
JSON
if command -v jq >/dev/null; then
  jq -e . "$RESULTS" >/dev/null 2>&1 || { log "the results are not valid JSON: $RESULTS"; exit 1; }
fi

echo "POST /estimates (estimation-service): $SERVICE_MEDIAN req/s (median of $ROUNDS, ${DURATION}s each)"
echo "bare Vert.x endpoint, same body:      $BASELINE_MEDIAN req/s"
echo "ratio: $RATIO (goal >= 0.8)"
echo "bare Vert.x endpoint decoding the body and encoding the answer with Vert.x's JSON: $JSON_MEDIAN req/s, ratio $JSON_RATIO"
echo "the service's own reader, estimator and writer on bare Vert.x: $COMPUTE_MEDIAN req/s, ratio $COMPUTE_RATIO"
echo "p99 at $RATE req/s (half the service's throughput): $P99 ms (goal < 5 ms); baseline: $(sed -n 's/.*"p99Ms":\([0-9.]*\).*/\1/p' <<<"$BASELINE_FIXED") ms"
echo "JMH: estimate $JMH_ESTIMATE ns/op, reading the body $JMH_READ, writing the answer $JMH_WRITE, JSON in to JSON out $JMH_FULL ns/op"
echo "machine: $(nproc) cores, load average before $LOAD_BEFORE, after $LOAD_AFTER"
echo "written: $RESULTS"
