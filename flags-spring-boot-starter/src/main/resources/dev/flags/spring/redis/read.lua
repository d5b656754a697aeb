-- Reads the whole store at one point in time: marker, revision, flags, segments.
-- KEYS: 1 flags hash, 2 segments hash, 3 revision, 4 marker.
return { redis.call('GET', KEYS[4]), redis.call('GET', KEYS[3]),
  redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]) }
