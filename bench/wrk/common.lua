-- Shared by get.lua and post.lua (loaded with dofile by path relative to the cwd,
-- which bench/run.py sets to bench/wrk/).
--
-- wrk gives every thread its own Lua state. setup() numbers the threads so that
-- each one starts at a different place in the token list; init() reads the list
-- (one X-Session-Token per line; an empty file name means anonymous).

local counter = 1

function setup(thread)
  thread:set("thread_id", counter)
  counter = counter + 1
end

tokens = {}
n = 0

function load_tokens(file)
  if file == nil or file == "" or file == "-" then
    return
  end
  local f = assert(io.open(file, "r"))
  for line in f:lines() do
    if #line > 0 then
      tokens[#tokens + 1] = line
    end
  end
  f:close()
  -- spread threads over the list
  n = ((thread_id or 1) - 1) * 7919
end

function next_token()
  n = n + 1
  if #tokens == 0 then
    return nil
  end
  return tokens[(n % #tokens) + 1]
end

-- Machine-readable summary for bench/run.py (latency in microseconds).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"latency_us": {"mean": %.1f, "stdev": %.1f, "max": %d, "p50": %d, "p90": %d, "p99": %d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
