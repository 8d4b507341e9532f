-- wrk script for scripts/bench-serve: cycles through a file of request paths (one per line,
-- already URL-encoded), each connection's thread starting at its own offset so the threads do not
-- ask the same request at the same moment. done() prints one JSON line (prefixed "BENCH-SERVE ")
-- with the throughput, latency percentiles (microseconds) and the error counts.
--   wrk -s cycle.lua URL -- PATHS_FILE
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no request paths in " .. args[1]) end
  -- Spread the threads over the list.
  idx = math.floor((id or 0) * #paths / 7) % #paths
  reqs = {}
  for i, p in ipairs(paths) do reqs[i] = wrk.format("GET", p) end
end

function request()
  idx = idx % #reqs + 1
  return reqs[idx]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH-SERVE {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p90_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "mean_us": %.1f, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout))
end
