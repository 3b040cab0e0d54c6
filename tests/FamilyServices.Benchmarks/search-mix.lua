-- wrk script for run-search-benchmark.sh: rotates through the search mix and prints one RESULT line.
-- Usage: wrk ... -s search-mix.lua http://127.0.0.1:PORT -- <path prefix, e.g. /api/v1/programmes> <mix.tsv>
-- mix.tsv (written by `FamilyServices.Benchmarks pgbench-script`): UI language <TAB> query string <TAB> name.

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

local paths = {}
local languages = {}
local position = 0

function init(args)
  local prefix, file = args[1], args[2]
  if prefix == nil or file == nil then
    error("usage: -- <path prefix> <mix.tsv>")
  end
  for line in io.lines(file) do
    local language, query = line:match("^([^\t]+)\t([^\t]*)")
    if language ~= nil then
      table.insert(paths, prefix .. "?" .. query)
      table.insert(languages, language)
    end
  end
  if #paths == 0 then
    error("no searches in " .. file)
  end
  -- Threads start at different places in the mix, so every search is in flight all the time.
  position = (thread_number * 7) % #paths
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position], { ["Accept-Language"] = languages[position] })
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
