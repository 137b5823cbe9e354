// Lua scripts of the Redis limiter store. Each runs atomically and reads the time from Redis
// (`TIME`), so the clocks of the client processes never matter. They implement the rules of
// MemoryLimiterStore in @patchbay/core: a sliding-window request counts from its start until a
// window after it finished.
//
// Keys of one bucket: KEYS[1] finished (sorted set, id -> finish time), KEYS[2] in flight
// (hash, id -> start time), KEYS[3] scheduled (sorted set, id -> estimated start), KEYS[4] pause
// (epoch ms string).

/** Server time, stale entries dropped, and the counts every script needs. */
const prelude = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local span = tonumber(ARGV[2]) + tonumber(ARGV[3])
local staleMs = tonumber(ARGV[5])
local flight = redis.call('HGETALL', KEYS[2])
for index = 1, #flight, 2 do
  local started = tonumber(flight[index + 1])
  if started < now - staleMs then
    -- A process died mid-request: count the request as finished when it went stale.
    redis.call('HDEL', KEYS[2], flight[index])
    redis.call('ZADD', KEYS[1], started + staleMs, flight[index])
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - span)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - staleMs)
local function keep()
  local ttl = staleMs + span + 1000
  for index = 1, 4 do redis.call('PEXPIRE', KEYS[index], ttl) end
end
local function scoreAt(key, index)
  return tonumber(redis.call('ZRANGE', key, index, index, 'WITHSCORES')[2])
end
`;

/** ARGV: limit, windowMs, marginMs, id, staleMs. Returns { delayMs, used, reason }; delay 0 means started. */
export const reserveSlidingScript = `${prelude}
local limit = tonumber(ARGV[1])
local finished = redis.call('ZCARD', KEYS[1])
local inFlight = redis.call('HLEN', KEYS[2])
local total = finished + inFlight + redis.call('ZCARD', KEYS[3])
-- Requests in time order: finished, then in flight (counted as now), then scheduled.
local function at(index)
  if index < finished then return scoreAt(KEYS[1], index) end
  if index < finished + inFlight then return now end
  return scoreAt(KEYS[3], index - finished - inFlight)
end
local start = math.max(now, tonumber(redis.call('GET', KEYS[4]) or '0'))
local reason = 'none'
if start > now then reason = 'paused' end
if total > 0 then start = math.max(start, at(total - 1)) end
if total >= limit then
  local free = at(total - limit) + span
  if free > start then
    start = free
    reason = 'limit'
  end
end
local used = math.min(limit, total + 1)
if start <= now then
  redis.call('HSET', KEYS[2], ARGV[4], now)
  keep()
  return { 0, used, reason }
end
redis.call('ZADD', KEYS[3], start, ARGV[4])
keep()
return { start - now, used, reason }
`;

/** ARGV: limit, windowMs, marginMs, id, staleMs. Returns 0 when started, else the wait before trying again. */
export const confirmSlidingScript = `${prelude}
local limit = tonumber(ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[4])
local finished = redis.call('ZCARD', KEYS[1])
local counted = finished + redis.call('HLEN', KEYS[2])
local paused = tonumber(redis.call('GET', KEYS[4]) or '0')
if counted < limit and now >= paused then
  redis.call('HSET', KEYS[2], ARGV[4], now)
  keep()
  return 0
end
local mustLeave = counted - limit + 1
local freeAt = now
if mustLeave > 0 then
  if mustLeave <= finished then freeAt = scoreAt(KEYS[1], mustLeave - 1) + span else freeAt = now + span end
end
local retryAt = math.max(freeAt, paused, now + 1)
redis.call('ZADD', KEYS[3], retryAt, ARGV[4])
keep()
return retryAt - now
`;

/** ARGV: limit, windowMs, marginMs, id, staleMs, cancel (1 drops a scheduled entry first). */
export const finishSlidingScript = `${prelude}
if ARGV[6] == '1' and redis.call('ZREM', KEYS[3], ARGV[4]) == 1 then
  return 0
end
if redis.call('HDEL', KEYS[2], ARGV[4]) == 1 then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  keep()
end
return 0
`;

/**
 * KEYS: GCRA state hash, pause key. ARGV: limit, windowMs, burst.
 * Returns { delayMs, used, reason }.
 */
export const reserveGcraScript = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local interval = window / limit
local tolerance = interval * (tonumber(ARGV[3]) - 1)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
local tat = tonumber(redis.call('HGET', KEYS[1], 'tat') or tostring(now))
local earliest = math.max(now, paused)
local allowed = math.max(earliest, tat - tolerance)
tat = math.max(tat, allowed) + interval
redis.call('HSET', KEYS[1], 'tat', tostring(tat))
redis.call('PEXPIRE', KEYS[1], math.ceil(tat - now + window + 1000))
local reason = 'none'
if allowed > now then
  if paused > now then reason = 'paused' else reason = 'limit' end
end
local used = math.min(limit, math.max(1, math.ceil((tat - allowed) / interval)))
return { math.ceil(allowed - now), used, reason }
`;

/** KEYS: pause key. ARGV: durationMs. Extends the pause, never shortens it. */
export const pauseScript = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current then
  redis.call('SET', KEYS[1], tostring(untilMs), 'PX', tonumber(ARGV[1]) + 1000)
end
return untilMs
`;
