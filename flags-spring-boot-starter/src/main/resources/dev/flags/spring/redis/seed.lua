-- Fills an empty store with a whole document and writes its marker, when neither the marker nor
-- any flag or segment exists: never over existing data.
-- ARGV: 1 type (SEEDED or RESTORED), 2 time, 3 lowest revision to start from, 4 channel,
-- 5 source, 6 audit stream length (0: unbounded), 7 marker value, 8 number of flags n,
-- then n flag key/JSON pairs, then segment key/JSON pairs.
local marker = redis.call('EXISTS', KEYS[4])
local flags = redis.call('HLEN', KEYS[1])
local segments = redis.call('HLEN', KEYS[2])
if marker == 1 or flags > 0 or segments > 0 then
  return { 'exists', marker, flags, segments }
end
local problem = broken()
if problem then
  return { 'broken', problem }
end
local flag_count = tonumber(ARGV[8])
for i = 9, 8 + 2 * flag_count, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
local segment_count = 0
for i = 9 + 2 * flag_count, #ARGV, 2 do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  segment_count = segment_count + 1
end
-- A revision kept from before the data was lost, or the time, whichever is higher: never a
-- number an instance may already have seen for other contents.
local revision = math.max(tonumber(ARGV[3]), tonumber(redis.call('GET', KEYS[3]) or '0') + 1)
redis.call('SET', KEYS[3], string.format('%d', revision))
redis.call('SET', KEYS[4], ARGV[7])
local argc = #ARGV
audit(ARGV[6], { 'type', ARGV[1], 'flags', string.format('%d', flag_count),
  'segments', string.format('%d', segment_count), 'time', ARGV[2],
  'revision', string.format('%d', revision) }, argc + 1)
publish(ARGV[4], ARGV[1], nil, revision, ARGV[5])
return { 'ok', revision }
