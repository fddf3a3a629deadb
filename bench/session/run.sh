#!/usr/bin/env bash
# Benchmark of session-service writes (not a test): throughput and p50/p99 latency of
# POST /sessions/{id}/advance and POST /sessions/{id}/notes under wrk on 127.0.0.1, against the packaged
# service on the embedded stack, and pgbench on the same PostgreSQL with the database work of one write
# (single-row UPDATE + INSERT in a transaction, 16 clients, same duration). Writes bench/results/session.json.
#
# Usage: bench/session/run.sh   (env: DURATION=20s CONNECTIONS=32 THREADS=2 SESSIONS=4000 WARMUP=5s; WB_JAVA_OPTS replaces jvm.options, JAVA_OPTS adds to it)
# Sessions run the default template (five advances each); an advance past the last phase would be a 409,
# so "non2xx" in the results shows whether the sessions ran out before the time did.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
SESSIONS=${SESSIONS:-4000}
PGBENCH_CLIENTS=16
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
APP_JAR="$ROOT/session-service/target/session-service-runner.jar"
STACK_JAR="$ROOT/local-stack/target/local-stack-1.0.0-SNAPSHOT.jar"
STACK_CLASSPATH="$ROOT/local-stack/target/classes/dev/whiteboard/stack/broker.classpath"
RESULTS="$ROOT/bench/results/session.json"
WORK=$(mktemp -d /tmp/wb-bench-session.XXXXXX)
STACK_PID=""
SERVICE_PID=""

cleanup() {
  [[ -n $SERVICE_PID ]] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  [[ -n $STACK_PID ]] && kill "$STACK_PID" 2>/dev/null && wait "$STACK_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
seconds() { local d=$1; case $d in *m) echo $(( ${d%m} * 60 ));; *s) echo "${d%s}";; *) echo "$d";; esac; }
log() { echo "[bench/session] $*" >&2; }

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null; }
[[ -x $PG_BIN/pgbench ]] || { log "installing pgbench"; apt-get install -y postgresql-contrib >/dev/null; }
if [[ ! -f $APP_JAR ]]; then
  log "packaging session-service"
  (cd "$ROOT" && ./mvnw -B -pl session-service -am install -DskipTests >"$WORK/build.log" 2>&1) \
    || { tail -40 "$WORK/build.log"; exit 1; }
fi
[[ -f $STACK_JAR && -f $STACK_CLASSPATH ]] || { log "build local-stack first (./mvnw -B -pl local-stack install)"; exit 1; }

log "starting the embedded stack"
PG_PORT=$(free_port)
(
  unset WB_POSTGRES_HOST WB_KAFKA_BOOTSTRAP WB_REDIS_URL
  export WB_EMBEDDED_POSTGRES_PORT=$PG_PORT WB_EMBEDDED_KAFKA_PORT=$(free_port) \
         WB_EMBEDDED_KAFKA_CONTROLLER_PORT=$(free_port) WB_EMBEDDED_REDIS_PORT=$(free_port)
  exec java -cp "$STACK_JAR:$(cat "$STACK_CLASSPATH")" dev.whiteboard.stack.LocalStack "$WORK/data" "$WORK/stack.env"
) >"$WORK/stack.log" 2>&1 &
STACK_PID=$!
for _ in $(seq 1 360); do [[ -f $WORK/stack.env ]] && break; kill -0 "$STACK_PID" 2>/dev/null || break; sleep 0.5; done
[[ -f $WORK/stack.env ]] || { tail -40 "$WORK/stack.log"; log "the stack did not start"; exit 1; }
# shellcheck disable=SC1091
source "$WORK/stack.env"

log "starting session-service"
APP_PORT=$(free_port)
OPERATOR_SECRET=bench-operator-secret
QUARKUS_HTTP_PORT=$APP_PORT WB_KEY_PEPPER=bench-key-pepper WB_INTERNAL_TOKEN=bench-internal-token \
  WB_OPERATOR_SECRET=$OPERATOR_SECRET WB_PRO_REQUESTS_PER_MINUTE=100000000 \
  java ${WB_JAVA_OPTS:-@$ROOT/jvm.options} ${JAVA_OPTS:-} -jar "$APP_JAR" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
BASE="http://127.0.0.1:$APP_PORT"
for _ in $(seq 1 360); do curl -fsS -m 2 "$BASE/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS -m 5 "$BASE/q/health/ready" >/dev/null || { tail -40 "$WORK/service.log"; log "the service is not ready"; exit 1; }

log "creating and starting $SESSIONS sessions on the default template"
KEY=$(python3 "$HERE/setup.py" "$BASE" "$OPERATOR_SECRET" "$SESSIONS" "$WORK/ids.txt")

run_wrk() {  # script duration -> the RESULT json line
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 10s -s "$HERE/$1" "$BASE" -- "$WORK/ids.txt" "$KEY" \
    | tee -a "$WORK/wrk.log" | sed -n 's/^RESULT //p'
}
log "warming up ($WARMUP of notes)"
run_wrk notes.lua "$WARMUP" >/dev/null
log "wrk: advance for $DURATION, $CONNECTIONS connections"
ADVANCE=$(run_wrk advance.lua "$DURATION")
log "wrk: notes for $DURATION, $CONNECTIONS connections"
NOTES=$(run_wrk notes.lua "$DURATION")

log "pgbench: $PGBENCH_CLIENTS clients for $DURATION on the same PostgreSQL"
export PGPASSWORD=$WB_POSTGRES_PASSWORD
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$WB_POSTGRES_PORT" -U "$WB_POSTGRES_USER" -d whiteboard_session \
  -c "drop database if exists wb_pgbench" -c "create database wb_pgbench" >/dev/null
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$WB_POSTGRES_PORT" -U "$WB_POSTGRES_USER" -d wb_pgbench \
  -f "$HERE/pgbench-setup.sql" >/dev/null
(cd "$WORK" && "$PG_BIN/pgbench" -n -c "$PGBENCH_CLIENTS" -j "$THREADS" -T "$(seconds "$DURATION")" \
  -f "$HERE/pgbench-transaction.sql" -l --log-prefix=pgbench -h 127.0.0.1 -p "$WB_POSTGRES_PORT" \
  -U "$WB_POSTGRES_USER" wb_pgbench) >"$WORK/pgbench.out" 2>&1 || { cat "$WORK/pgbench.out"; exit 1; }

mkdir -p "$(dirname "$RESULTS")"
python3 - "$WORK" "$RESULTS" "$ADVANCE" "$NOTES" "$DURATION" "$CONNECTIONS" "$THREADS" "$SESSIONS" "$PGBENCH_CLIENTS" <<'PY'
import glob, json, os, re, statistics, sys, datetime
work, results, advance, notes, duration, connections, threads, sessions, clients = sys.argv[1:]
advance, notes = json.loads(advance), json.loads(notes)
for run in (advance, notes):
    run["throughputPerSecond"] = round((run["requests"] - run["non2xx"]) / run["durationSeconds"], 1)
out = open(os.path.join(work, "pgbench.out")).read()
tps = float(re.search(r"tps = ([0-9.]+) \(without initial connection time\)", out).group(1))
latencies = sorted(int(line.split()[2]) for path in glob.glob(os.path.join(work, "pgbench.*"))
                   if not path.endswith(".out") for line in open(path))
def pct(p): return round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] / 1000, 3)
report = {
    "benchmark": "session-service writes vs PostgreSQL alone",
    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "machine": {"cpus": os.cpu_count(), "loadAverageAtEnd": os.getloadavg()[0]},
    "settings": {"duration": duration, "connections": int(connections), "wrkThreads": int(threads),
                 "sessions": int(sessions), "pgbenchClients": int(clients)},
    "advance": advance,
    "notes": notes,
    "pgbench": {"script": "UPDATE one session row + INSERT one outbox row, one transaction",
                "transactionsPerSecond": tps, "transactions": len(latencies),
                "p50Ms": pct(50), "p99Ms": pct(99)},
}
with open(results, "w") as f:
    json.dump(report, f, indent=2)
    f.write("\n")
print(json.dumps(report, indent=2))
PY
