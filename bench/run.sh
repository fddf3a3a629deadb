#!/usr/bin/env bash
# One benchmark command (./whiteboard bench calls it): builds the services, runs every benchmark of the
# suite and writes bench/results/latest.json (every figure, the machine's description, each goal) and
# bench/results/latest.md (a Markdown table of every figure against its goal). See bench/README.md.
#
#   bench/run.sh                      build, then run estimation, session, feedback and suite
#   bench/run.sh suite                only the named benchmarks (the others keep their last results)
#   bench/run.sh --skip-build suite   without building first
#   bench/run.sh --report-only        only rewrite latest.json and latest.md from the last results
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RESULTS=bench/results
RAW=$RESULTS/raw
ALL=(estimation session feedback suite)
TIMEOUT=${WB_BENCH_TIMEOUT:-1800}

say() { printf '[bench] %s\n' "$*"; }
die() { say "error: $*" >&2; exit 1; }

build=1
run=1
selected=()
for arg in "$@"; do
  case $arg in
    --skip-build) build=0 ;;
    --report-only) build=0; run=0 ;;
    estimation|session|feedback|suite) selected+=("$arg") ;;
    *) die "unknown argument '$arg' (benchmarks: ${ALL[*]}; options: --skip-build, --report-only)" ;;
  esac
done
(( ${#selected[@]} )) || selected=("${ALL[@]}")
(( run )) || selected=()

command -v java >/dev/null || die "Java 17 or newer is needed on the PATH"
command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing wrk (apt-get install -y wrk)"
    apt-get install -y wrk >/dev/null 2>&1 || die "could not install wrk; install it and run again"
  else
    die "wrk is needed (sudo apt-get install -y wrk)"
  fi
fi

mkdir -p "$RAW"
if (( build )); then
  say "building and installing the services (./mvnw install -DskipTests); log in $RAW/build.log"
  ./mvnw -B -DskipTests install -pl local-stack,api-common,estimation-service,session-service,feedback-service -am \
    >"$RAW/build.log" 2>&1 || { tail -30 "$RAW/build.log"; die "build failed; see $RAW/build.log"; }
fi

# Each benchmark writes bench/results/<name>.json; its run's status goes to raw/<name>.status.json.
for name in ${selected[@]+"${selected[@]}"}; do
  script=bench/$name/run.sh
  if [[ ! -f $script ]]; then
    say "$name: no $script yet, skipped"
    jq -n '{status: "absent"}' >"$RAW/$name.status.json"
    continue
  fi
  say "$name: running $script (log in $RAW/$name.log, at most ${TIMEOUT}s)"
  started=$(date +%s)
  rc=0
  timeout "$TIMEOUT" bash "$script" >"$RAW/$name.log" 2>&1 || rc=$?
  seconds=$(( $(date +%s) - started ))
  if (( rc == 0 )) && [[ -f $RESULTS/$name.json ]] && jq -e . "$RESULTS/$name.json" >/dev/null 2>&1; then
    say "$name: done in ${seconds}s"
    jq -n --argjson s "$seconds" '{status: "ok", seconds: $s}' >"$RAW/$name.status.json"
  else
    say "$name: FAILED (exit $rc after ${seconds}s); last lines of $RAW/$name.log:"
    tail -15 "$RAW/$name.log" | sed 's/^/    /'
    jq -n --argjson s "$seconds" --argjson rc "$rc" '{status: "failed", exitCode: $rc, seconds: $s}' \
      >"$RAW/$name.status.json"
  fi
done

machine=$(jq -n \
  --arg cpu "$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')" \
  --arg cores "$(nproc)" \
  --arg mem "$(awk '/MemTotal/ {printf "%d", $2 / 1024}' /proc/meminfo 2>/dev/null)" \
  --arg java "$(java -version 2>&1 | head -1)" \
  --arg os "$(uname -srm)" \
  '{cpu: $cpu, cores: ($cores | tonumber), memoryMiB: ($mem | tonumber? // null), java: $java, os: $os}')

# latest.json: every benchmark's own JSON under benchmarks.<name>.result, and one list of goals: those a
# benchmark states itself ("goals": [{figure, value, unit, goal, met}]), plus, for a benchmark that states
# none, the estimation/baseline throughput ratio the issue sets (at least 0.8).
benchmarks='{}'
for name in "${ALL[@]}"; do
  status='{"status": "absent"}'
  [[ -f $RAW/$name.status.json ]] && status=$(cat "$RAW/$name.status.json")
  result=null
  [[ -f $RESULTS/$name.json ]] && result=$(jq -c . "$RESULTS/$name.json" 2>/dev/null || echo null)
  benchmarks=$(jq -c --arg n "$name" --argjson s "$status" --argjson r "$result" \
    '. + {($n): ($s + {result: $r})}' <<<"$benchmarks")
done
jq -n --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --argjson machine "$machine" --argjson b "$benchmarks" '
  def stated($name): ($b[$name].result.goals // []) | map({benchmark: $name} + .);
  def ratio_goal:
    ([$b.estimation.result // {} | .. | objects | to_entries[] | select(.key | test("ratio"; "i"))
      | .value | numbers] | first) as $r
    | if $r == null then [] else [{benchmark: "estimation", figure: "POST /estimates throughput / bare Vert.x baseline",
        value: $r, unit: "ratio", goal: ">= 0.8", met: ($r >= 0.8)}] end;
  {date: $date, command: "./whiteboard bench", machine: $machine, benchmarks: $b,
   goals: (([$b | keys_unsorted[] as $n | stated($n)] | add)
          + (if ($b.estimation.result.goals // []) == [] then ratio_goal else [] end))}
' >"$RESULTS/latest.json.tmp"
mv "$RESULTS/latest.json.tmp" "$RESULTS/latest.json"

jq -r '
  def fmt: if type == "number" then (if . == (. | floor) then tostring else ((. * 100 | round) / 100 | tostring) end)
           else tostring end;
  "# Whiteboard benchmarks",
  "",
  "Written by `\(.command)` on \(.date). Load from wrk on 127.0.0.1; every figure depends on this machine:",
  "",
  "| machine | |", "|---|---|",
  "| CPU | \(.machine.cpu) |", "| cores | \(.machine.cores) |", "| memory | \(.machine.memoryMiB) MiB |",
  "| Java | \(.machine.java) |", "| OS | \(.machine.os) |",
  "",
  "## Goals",
  "",
  "| benchmark | figure | value | goal | met |", "|---|---|---|---|---|",
  (.goals[] | "| \(.benchmark) | \(.figure) | \(.value | fmt) \(.unit // "") | \(.goal) \(.unit // "") | \(if .met then "yes" else "**no**" end) |"),
  "",
  "## Every figure",
  (.benchmarks | to_entries[] |
    "", "### \(.key) (\(.value.status)\(if .value.seconds then ", \(.value.seconds) s" else "" end))", "",
    (if .value.result == null then "No result: \(if .value.status == "absent" then "the benchmark does not exist yet" else "see bench/results/raw/\(.key).log" end)."
     else ("| figure | value |", "|---|---|",
           (.value.result | del(.goals) | paths(type == "number" or type == "boolean") as $p
             | "| \($p | map(tostring) | join(".")) | \(getpath($p) | fmt) |"))
     end))
' "$RESULTS/latest.json" >"$RESULTS/latest.md"

say "wrote $RESULTS/latest.json and $RESULTS/latest.md"
jq -r '.goals[] | "  \(if .met then "met   " else "NOT MET" end) \(.benchmark): \(.figure) = \(.value) \(.unit // "") (goal \(.goal))"' \
  "$RESULTS/latest.json"
