-- wrk script for run-open-data-benchmark.sh: rotates through the HSDS request mix and prints one RESULT line.
-- Usage: wrk ... -s open-data-mix.lua http://127.0.0.1:PORT -- <mix.tsv>
-- mix.tsv (written by run-open-data-benchmark.sh): name <TAB> path with its query string, one request a line.

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

local paths = {}
local position = 0

function init(args)
  local file = args[1]
  if file == nil then
    error("usage: -- <mix.tsv>")
  end
  for line in io.lines(file) do
    local path = line:match("^[^\t]+\t(/[^\t]*)$")
    if path ~= nil then
      table.insert(paths, path)
    end
  end
  if #paths == 0 then
    error("no requests in " .. file)
  end
  -- Threads start at different places in the mix, so every request is in flight all the time.
  position = (thread_number * 5) % #paths
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position], { ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f mean_ms=%.1f max_ms=%.1f non_2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
