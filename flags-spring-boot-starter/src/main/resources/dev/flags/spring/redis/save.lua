-- Saves one flag when its stored version is the expected one, with its audit record, the
-- revision bump and the change event: all or nothing.
-- ARGV: 1 flag key, 2 expected version (0: must not exist), 3 flag JSON at the new version,
-- 4 time, 5 channel, 6 source, 7 audit stream length (0: unbounded), 8... extra audit fields.
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
local current = 0
if before then
  current = version_of(before)
  if not current then
    return { 'malformed' }
  end
  if current ~= expected then
    return { 'conflict', current }
  end
elseif expected ~= 0 then
  return { 'conflict', false }
end
redis.call('HSET', KEYS[1], key, ARGV[3])
local revision = redis.call('INCR', KEYS[3])
local fields = { 'type', 'SAVED', 'key', key, 'versionBefore', string.format('%d', current),
  'versionAfter', string.format('%d', expected + 1) }
if before then
  fields[#fields + 1] = 'before'
  fields[#fields + 1] = before
end
for _, value in ipairs({ 'after', ARGV[3], 'time', ARGV[4], 'revision', string.format('%d', revision) }) do
  fields[#fields + 1] = value
end
local id = audit(ARGV[7], fields, 8)
publish(ARGV[5], 'SAVED', key, revision, ARGV[6])
return { 'ok', revision, id }
