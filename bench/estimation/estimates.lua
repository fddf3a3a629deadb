-- wrk script: POST /estimates with many different valid bodies, one per line of the file named by
-- WB_BENCH_BODIES (RequestBodies writes it), so that no cache can answer. The API key comes from
-- WB_BENCH_API_KEY, sent in the header WB_BENCH_AUTH_HEADER (X-API-Key unless set); the baseline
-- ignores it. done() prints one WRK_RESULT line for run.sh.
local bodies = {}
local counter = 0
local key = os.getenv("WB_BENCH_API_KEY") or ""
local auth_header = os.getenv("WB_BENCH_AUTH_HEADER") or "X-API-Key"

function init(args)
  local path = os.getenv("WB_BENCH_BODIES")
  assert(path, "WB_BENCH_BODIES must name the bodies file")
  for line in io.lines(path) do
    if #line > 0 then
      bodies[#bodies + 1] = line
    end
  end
  assert(#bodies > 0, "no bodies in " .. path)
  -- threads start at different places in the list
  counter = math.random(1, #bodies)
end

function request()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  return wrk.format("POST", "/estimates", {["Content-Type"] = "application/json", [auth_header] = key}, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("WRK_RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d socket_errors=%d non2xx=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, errors, summary.errors.status))
end
