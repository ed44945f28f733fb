-- wrk script of web-bench.sh: the web app's HTML pages, one "<kind> <path>" per line of a file
-- (home, services, search, profile, review, lessons), asked in turn, the student's pages (review,
-- lessons) with the session cookie of the second file's first line, and the server's own time of each page, read
-- from its Server-Timing header (page;dur=<ms>: from the request's arrival at the gateway to the
-- page's headers). Several connections answer out of order, so the kind of each answer is read from
-- the page itself (its <meta name="page"> tag).
--
--   wrk ... -s web-bench.lua <url> -- <paths file> <cookie file>
--
-- done() prints "bench: ..." lines: the errors (answers other than 200, pages without
-- Server-Timing), then the server time as percentiles, in all and per kind of page.

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

-- The kinds of page; per thread, read by done(): one flat list of server times (ms) per kind.
local KINDS = { "all", "home", "services", "search", "profile", "review", "lessons" }
local SIGNED_IN = { review = true, lessons = true }
local paths, kinds, n, cookie = {}, {}, 0, nil
errors, samples = 0, ""
ms_all, ms_home, ms_services, ms_search, ms_profile, ms_review, ms_lessons = {}, {}, {}, {}, {}, {}, {}
local series = { all = ms_all, home = ms_home, services = ms_services, search = ms_search, profile = ms_profile,
                 review = ms_review, lessons = ms_lessons }

function init(args)
  for line in io.lines(args[1]) do
    local kind, path = string.match(line, "^(%S+)%s+(%S+)$")
    paths[#paths + 1] = path
    kinds[#kinds + 1] = kind
  end
  if args[2] then
    cookie = io.lines(args[2])()
  end
end

function request()
  local i = ((tid + n) % #paths) + 1
  n = n + 1
  local headers = { ["Accept"] = "text/html" }
  if SIGNED_IN[kinds[i]] and cookie then
    headers["Cookie"] = cookie
  end
  return wrk.format("GET", paths[i], headers)
end

function response(status, headers, body)
  local kind = string.match(body or "", '<meta name="page" content="([%w-]+)"') or "unknown"
  local timing = headers["Server-Timing"] or headers["server-timing"]
  local dur = timing and tonumber(string.match(timing, "dur=([%d.]+)"))
  if status ~= 200 or dur == nil then
    errors = errors + 1
    if errors <= 3 then
      samples = samples .. "bench: " .. kind .. " answered " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n"
    end
    return
  end
  ms_all[#ms_all + 1] = dur
  local xs = series[kind]
  if xs and kind ~= "all" then xs[#xs + 1] = dur end
end

local function percentile(xs, p)
  if #xs == 0 then return 0 / 0 end
  local i = math.ceil(#xs * p / 100)
  if i < 1 then i = 1 end
  return xs[i]
end

function done(summary, latency, requests)
  local all, errs, s = {}, 0, ""
  for _, kind in ipairs(KINDS) do all[kind] = {} end
  for _, t in ipairs(threads) do
    for _, kind in ipairs(KINDS) do
      for _, x in ipairs(t:get("ms_" .. kind)) do all[kind][#all[kind] + 1] = x end
    end
    errs = errs + t:get("errors")
    s = s .. t:get("samples")
  end
  io.write(string.format("bench: errors=%d\n", errs))
  io.write(s)
  for _, kind in ipairs(KINDS) do
    local xs = all[kind]
    table.sort(xs)
    local sum = 0
    for _, x in ipairs(xs) do sum = sum + x end
    io.write(string.format("bench: server %s n=%d mean=%.2f p50=%.2f p90=%.2f p99=%.2f max=%.2f\n", kind, #xs,
      #xs > 0 and sum / #xs or 0 / 0, percentile(xs, 50), percentile(xs, 90), percentile(xs, 99),
      #xs > 0 and xs[#xs] or 0 / 0))
  end
end
