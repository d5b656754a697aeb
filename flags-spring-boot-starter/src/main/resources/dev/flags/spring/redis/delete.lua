-- Deletes one flag when its stored version is the expected one, with its audit record, the
-- revision bump and the change event: all or nothing.
-- ARGV: 1 flag key, 2 expected version, 3 time, 4 channel, 5 source,
-- 6 audit stream length (0: unbounded), 7... extra audit fields.
if redis.call('EXISTS', KEYS[4]) == 0 then
  return { 'lost' }
end
local problem = broken()
if problem then
  return { 'broken', problem }
end
local key = ARGV[1]
local expected = tonumber(ARGV[2])
local before = redis.call('HGET', KEYS[1], key)
if not before then
  return { 'conflict', false }
end
local current = version_of(before)
if not current then
  return { 'malformed' }
end
if current ~= expected then
  return { 'conflict', current }
end
redis.call('HDEL', KEYS[1], key)
local revision = redis.call('INCR', KEYS[3])
local id = audit(ARGV[6], { 'type', 'DELETED', 'key', key, 'versionBefore', string.format('%d', current),
  'versionAfter', '0', 'before', before, 'time', ARGV[3], 'revision', string.format('%d', revision) }, 7)
publish(ARGV[4], 'DELETED', key, revision, ARGV[5])
return { 'ok', revision, id }
