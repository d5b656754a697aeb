-- Aggregates a metric event into the user's value and moves the sums of the user's variant.
-- KEYS: 1 users hash, 2 stats hash. ARGV: 1 unit, 2 metric, 3 'binomial' or 'continuous', 4 value.
-- Binomial: the user's value becomes 1 on the first event; Σx and Σx² grow by 1 once.
-- Continuous: the user's value grows by the event's; Σx moves by the value, Σx² by new² − old².
-- Returns 0 when the unit was never exposed (the event is not counted), 1 otherwise.
local variant = redis.call('HGET', KEYS[1], 'v:' .. ARGV[1])
if not variant then
  return 0
end
local field = 'm:' .. ARGV[2] .. ':' .. ARGV[1]
local sum = 's:' .. ARGV[2] .. ':' .. variant
local squares = 'q:' .. ARGV[2] .. ':' .. variant
if ARGV[3] == 'binomial' then
  if redis.call('HSETNX', KEYS[1], field, '1') == 1 then
    redis.call('HINCRBYFLOAT', KEYS[2], sum, '1')
    redis.call('HINCRBYFLOAT', KEYS[2], squares, '1')
  end
  return 1
end
local before = tonumber(redis.call('HGET', KEYS[1], field) or '0')
local after = tonumber(redis.call('HINCRBYFLOAT', KEYS[1], field, ARGV[4]))
redis.call('HINCRBYFLOAT', KEYS[2], sum, ARGV[4])
redis.call('HINCRBYFLOAT', KEYS[2], squares, string.format('%.17g', after * after - before * before))
return 1
