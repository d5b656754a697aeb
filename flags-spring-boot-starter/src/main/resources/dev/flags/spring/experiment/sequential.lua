-- Merges a look's sequential p-values into the kept ones, keeping the smaller of each.
-- KEYS: 1 users hash (unused), 2 stats hash. ARGV: 1 design, then metric, variant, p for each.
-- Returns the whole stats hash after the merge.
for i = 2, #ARGV, 3 do
  local field = 'p:' .. ARGV[1] .. ':' .. ARGV[i] .. ':' .. ARGV[i + 1]
  local kept = redis.call('HGET', KEYS[2], field)
  if (not kept) or tonumber(ARGV[i + 2]) < tonumber(kept) then
    redis.call('HSET', KEYS[2], field, ARGV[i + 2])
  end
end
return redis.call('HGETALL', KEYS[2])
