-- wrk script of scripts/soak-server.sh: signed-in users reading. Each request is, in turn, the
-- status of a user's applications (GET /api/applications with that user's session, from the
-- tokens file SOAK_TOKENS) or a procedure search (GET /api/procedures?search=…), one in three;
-- each connection thinks SOAK_THINK_MS (±50 %) between requests. Prints the latency
-- percentiles and the count of every HTTP status (any status but 200 is an error).

local threads = {}
local tokens = {}
local searches = {
  "search=renewal&synonyms=true", "search=extension", "search=student&synonyms=true",
  "search=%E5%9C%A8%E7%95%99", "search=change%20status", "search=permission&synonyms=true",
  "search=certificate", "search=",
}
local think = tonumber(os.getenv("SOAK_THINK_MS") or "2000")
local n = 0
statuses = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  for line in io.lines(os.getenv("SOAK_TOKENS")) do
    if line ~= "" then tokens[#tokens + 1] = line end
  end
  math.randomseed(os.time() * 100 + id)
  n = math.random(#tokens)
end

function request()
  n = n + 1
  if n % 3 == 0 then
    return wrk.format("GET", "/api/procedures?" .. searches[math.floor(n / 3) % #searches + 1])
  end
  return wrk.format("GET", "/api/applications",
    { ["Authorization"] = "Bearer " .. tokens[n % #tokens + 1] })
end

function delay()
  return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("statuses")) do
      all[status] = (all[status] or 0) + count
    end
  end
  local seen = {}
  for status, count in pairs(all) do seen[#seen + 1] = status .. ": " .. count end
  table.sort(seen)
  local e = summary.errors
  io.write(string.format(
    "reads: %d requests in %.0f s (%.0f/s); latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
  io.write(string.format(
    "reads: HTTP statuses {%s}; socket errors: connect %d, read %d, write %d, timeout %d\n",
    table.concat(seen, ", "), e.connect, e.read, e.write, e.timeout))
end
