-- wrk script of scripts/soak-server.sh: users signing in again all through the soak (POST
-- /api/login with each account of SOAK_USERS in turn, the soak password), each connection
-- thinking SOAK_THINK_MS (±50 %) between sign-ins. Prints the latency percentiles and the
-- count of every HTTP status (any status but 200 is an error).

local threads = {}
local users = {}
local think = tonumber(os.getenv("SOAK_THINK_MS") or "2000")
local n = 0
statuses = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  for line in io.lines(os.getenv("SOAK_USERS")) do
    if line ~= "" then users[#users + 1] = line end
  end
  math.randomseed(os.time() * 100 + id)
  n = math.random(#users)
end

function request()
  n = n + 1
  return wrk.format("POST", "/api/login", { ["Content-Type"] = "application/json" },
    '{"user_id":"' .. users[n % #users + 1] .. '","password":"Soak#2026pass"}')
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
    "sign-ins: %d requests in %.0f s (%.1f/s); latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
  io.write(string.format(
    "sign-ins: HTTP statuses {%s}; socket errors: connect %d, read %d, write %d, timeout %d\n",
    table.concat(seen, ", "), e.connect, e.read, e.write, e.timeout))
end
