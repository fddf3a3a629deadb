-- POST /sessions/{id}/advance over many started sessions, round robin; each thread starts elsewhere.
local ids, key, counter = {}, nil, 0
local threads = 0

function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
end

function init(args)
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  key = args[2]
  counter = (index * 7919) % #ids
end

function request()
  counter = counter % #ids + 1
  return wrk.format("POST", "/sessions/" .. ids[counter] .. "/advance", { ["X-API-Key"] = key })
end

function done(summary, latency, requests)
  io.write(string.format('RESULT {"requests": %d, "durationSeconds": %.3f, "non2xx": %d, "socketErrors": %d, '
    .. '"p50Ms": %.3f, "p90Ms": %.3f, "p99Ms": %.3f, "maxMs": %.3f}\n',
    summary.requests, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3))
end
