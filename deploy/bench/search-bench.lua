-- wrk script of search-bench.sh: GET /api/v1/search, one request path per line of a file
-- (written by search-bench.sh, already URL-encoded), and what the answers say about themselves.
--
--   wrk ... -s search-bench.lua <url> -- <paths file> <first index> <threads> <mode>
--
-- Request k (k = first, first + 1, ...; thread t sends first + t, first + t + threads, ...) asks
-- path k of the file, wrapping around after the last (each wrap is counted as "overflow").
-- <mode> is "distinct" (every path a different query: each answer must say timings.cached = false)
-- or "repeated" (a few queries asked over and over: cached answers are expected, and counted).
-- done() prints "bench: ..." lines: the errors (answers other than 200, distinct answers that came
-- from the cache, answers without timings), the server's own time (timings.totalMs) as percentiles,
-- and for the computed answers its stages and the total split by whether the query asked for a
-- time (date, time of day or clock time: the free-time join), and how many answers were cached,
-- relaxed (a constraint given up) or empty.

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

local paths, first, stride, mode, n = {}, 0, 1, "distinct", 0
-- Per thread, read by done(): counters, the server times (ms) of every answer, error samples.
unexpected, stale, no_timings, cached, relaxed, empty, overflow, next_k = 0, 0, 0, 0, 0, 0, 0, 0
total_ms, parse_ms, embed_ms, retrieve_ms, filter_ms, time_asked_ms, no_time_asked_ms = {}, {}, {}, {}, {}, {}, {}
samples = ""

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  first, stride, mode = tonumber(args[2]), tonumber(args[3]), args[4]
end

function request()
  local k = first + tid + n * stride
  n = n + 1
  if k + 1 > next_k then next_k = k + 1 end
  if k >= #paths then overflow = overflow + 1 end
  return wrk.format("GET", paths[(k % #paths) + 1])
end

local function sample(what, body)
  if unexpected + stale + no_timings <= 3 then
    samples = samples .. "bench: " .. what .. ": " .. string.sub(body or "", 1, 600) .. "\n"
  end
end

function response(status, headers, body)
  if status ~= 200 then
    unexpected = unexpected + 1
    sample("answer " .. status, body)
    return
  end
  local total = tonumber(string.match(body, '"totalMs":([-%d.eE]+)'))
  local from_cache = string.match(body, '"cached":(%a+)')
  if total == nil or from_cache == nil then
    no_timings = no_timings + 1
    sample("answer without timings", body)
    return
  end
  total_ms[#total_ms + 1] = total
  if from_cache == "true" then
    cached = cached + 1
    if mode == "distinct" then
      stale = stale + 1
      sample("cached answer to a distinct query", body)
    end
  else
    -- The stages are only measured when the answer was computed.
    parse_ms[#parse_ms + 1] = tonumber(string.match(body, '"parseMs":([-%d.eE]+)')) or 0
    embed_ms[#embed_ms + 1] = tonumber(string.match(body, '"embedMs":([-%d.eE]+)')) or 0
    retrieve_ms[#retrieve_ms + 1] = tonumber(string.match(body, '"retrieveMs":([-%d.eE]+)')) or 0
    filter_ms[#filter_ms + 1] = tonumber(string.match(body, '"filterMs":([-%d.eE]+)')) or 0
    if string.find(body, '"date":null,"timeOfDay":null,"timeAfter":null,"timeBefore":null', 1, true) then
      no_time_asked_ms[#no_time_asked_ms + 1] = total
    else
      time_asked_ms[#time_asked_ms + 1] = total
    end
  end
  if not string.find(body, '"relaxed":[]', 1, true) then relaxed = relaxed + 1 end
  if string.find(body, '"total":0,', 1, true) then empty = empty + 1 end
end

-- The p-th percentile (nearest rank) of the sorted list xs; nan when it is empty.
local function percentile(xs, p)
  if #xs == 0 then return 0 / 0 end
  local i = math.ceil(#xs * p / 100)
  if i < 1 then i = 1 end
  return xs[i]
end

local function append(into, xs)
  for _, x in ipairs(xs) do into[#into + 1] = x end
end

function done(summary, latency, requests)
  local sums = { unexpected = 0, stale = 0, no_timings = 0, cached = 0, relaxed = 0, empty = 0, overflow = 0 }
  local names = { "total_ms", "parse_ms", "embed_ms", "retrieve_ms", "filter_ms", "no_time_asked_ms", "time_asked_ms" }
  local series = {}
  for _, key in ipairs(names) do series[key] = {} end
  local nk, s = 0, ""
  for _, t in ipairs(threads) do
    for key in pairs(sums) do sums[key] = sums[key] + t:get(key) end
    for key, xs in pairs(series) do append(xs, t:get(key)) end
    if t:get("next_k") > nk then nk = t:get("next_k") end
    s = s .. t:get("samples")
  end
  io.write(string.format("bench: next_k=%d answers=%d errors=%d unexpected=%d stale=%d no_timings=%d cached=%d "
    .. "relaxed=%d empty=%d overflow=%d\n", nk, #series.total_ms + sums.unexpected + sums.no_timings,
    sums.unexpected + sums.stale + sums.no_timings, sums.unexpected, sums.stale, sums.no_timings, sums.cached,
    sums.relaxed, sums.empty, sums.overflow))
  for _, key in ipairs(names) do
    local xs, sum = series[key], 0
    if #xs > 0 or key == "total_ms" then
      table.sort(xs)
      for _, x in ipairs(xs) do sum = sum + x end
      io.write(string.format("bench: server %s n=%d mean=%.2f p50=%.2f p90=%.2f p99=%.2f max=%.2f\n", key, #xs,
        #xs > 0 and sum / #xs or 0 / 0, percentile(xs, 50), percentile(xs, 90), percentile(xs, 99),
        percentile(xs, 100)))
    end
  end
  io.write(s)
end
