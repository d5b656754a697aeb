-- Shared by the write scripts. KEYS: 1 flags hash, 2 segments hash, 3 revision, 4 marker, 5 audit stream.
-- Every check runs before the first write: Redis does not roll a script back, so a script that
-- writes must not fail half-way.

-- Why the store's keys cannot be written, or false when they can.
local function broken()
  local revision = redis.call('GET', KEYS[3])
  if revision and not tonumber(revision) then
    return 'the revision key ' .. KEYS[3] .. ' holds "' .. revision .. '", not a number'
  end
  local expected = { [1] = 'hash', [2] = 'hash', [4] = 'string', [5] = 'stream' }
  for index, kind in pairs(expected) do
    local actual = redis.call('TYPE', KEYS[index])['ok']
    if actual ~= 'none' and actual ~= kind then
      return 'the key ' .. KEYS[index] .. ' is a ' .. actual .. ', not a ' .. kind
    end
  end
  return false
end

-- The version writes are checked against (1 for a flag written without one, as Flag.currentVersion()
-- says), or nil when the JSON is unreadable.
local function version_of(json)
  local ok, flag = pcall(cjson.decode, json)
  if not ok or type(flag) ~= 'table' then
    return nil
  end
  local version = tonumber(flag['version'])
  if version and version > 0 then
    return version
  end
  return 1
end

-- Appends the audit record and returns its id.
local function audit(max_length, fields, extra_from)
  for i = extra_from, #ARGV do
    fields[#fields + 1] = ARGV[i]
  end
  if tonumber(max_length) > 0 then
    return redis.call('XADD', KEYS[5], 'MAXLEN', '~', max_length, '*', unpack(fields))
  end
  return redis.call('XADD', KEYS[5], '*', unpack(fields))
end

local function publish(channel, change_type, key, revision, source)
  local message = '{"type":' .. cjson.encode(change_type)
  if key then
    message = message .. ',"key":' .. cjson.encode(key)
  end
  message = message .. ',"revision":' .. string.format('%d', revision) .. ',"source":' .. cjson.encode(source) .. '}'
  redis.call('PUBLISH', channel, message)
end

