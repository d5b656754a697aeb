-- Records a unit's first exposure and counts it in its variant; a later exposure changes nothing.
-- KEYS: 1 users hash, 2 stats hash. ARGV: 1 unit, 2 variant.
-- Returns 1 for a first exposure, 0 otherwise.
if redis.call('HSETNX', KEYS[1], 'v:' .. ARGV[1], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[2], 'n:' .. ARGV[2], 1)
  return 1
end
return 0
