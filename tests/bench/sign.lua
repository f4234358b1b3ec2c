-- wrk script for tests/bench/compare_signing.sh: posts the demo petition's sign form, each
-- request with an address of its own, and prints one RESULT line.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  local email = string.format("s%d-%d-%d@example.in", tid, counter, math.random(1, 1000000000))
  local body = "name=Asha+Devi&email=" .. email ..
    "&pin_code=221001&state=IN-UP&constituency=S24-77&adult=on"
  return wrk.format("POST", "/petitions/1/signatures",
    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rate=%.1f p50=%.1fms p99=%.1fms errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout))
end
