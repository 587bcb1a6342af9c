/**
 * The one place where novelty is decided. Deciding that a claim is new and
 * recording the alert to send happen in one Lua script, so a crash between
 * the two can neither lose nor double an alert, and two workers racing on one
 * novelty key raise one alert (Redis runs scripts one at a time).
 *
 * KEYS: 1 claims hash, 2 claim order zset, 3 alerts hash, 4 alert order zset,
 *       5 article-by-text hash, 6 article hash, 7 seeds pending zset
 * ARGV: 1 article id, 2 text sha256, 3 now (ms), 4 now (ISO), 5 key prefix,
 *       6 JSON array of { key, alertId, claim, body, deliveries }
 *       where `body` is the alert body with `firstSeenAt` and `sources` left for
 *       the script to fill, and `deliveries` maps endpoint id → delivery JSON.
 *       7 JSON of this article's source entry.
 *
 * Returns JSON: { duplicateOf, new: [alertId…], corroborated: [key…] }.
 * A retry of the same article (after a crash) gets the same alert ids back in
 * `new`, so the caller can enqueue their deliveries again idempotently.
 */
export const RECORD_CLAIMS_LUA = `
local articleId, textSha, nowMs, nowIso, prefix = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5]
local entries = cjson.decode(ARGV[6])
local source = cjson.decode(ARGV[7])
local result = { duplicateOf = false, new = {}, corroborated = {} }

local function finish(status)
  -- Article fields are stored as JSON values (see store.ts).
  redis.call('HSET', KEYS[6], 'status', cjson.encode(status), 'completedAt', cjson.encode(nowIso))
  redis.call('ZREM', KEYS[7], articleId)
  return cjson.encode(result)
end

-- Article level: the same text seen under another article id adds nothing.
local owner = redis.call('HGET', KEYS[5], textSha)
if owner and owner ~= articleId then
  result.duplicateOf = owner
  redis.call('HSET', KEYS[6], 'duplicateOf', cjson.encode(owner))
  return finish('duplicate')
end
redis.call('HSET', KEYS[5], textSha, articleId)

for _, e in ipairs(entries) do
  local existing = redis.call('HGET', KEYS[1], e.key)
  if not existing then
    local record = {
      key = e.key, claim = e.claim, articleId = articleId, alertId = e.alertId,
      firstSeenAt = nowIso, sources = { source },
    }
    redis.call('HSET', KEYS[1], e.key, cjson.encode(record))
    redis.call('ZADD', KEYS[2], nowMs, e.key)
    local body = e.body
    body.data.firstSeenAt = nowIso
    body.data.sources = { source }
    local alert = { id = e.alertId, type = 'claim.new', key = e.key, createdAt = nowIso, body = body }
    redis.call('HSET', KEYS[3], e.alertId, cjson.encode(alert))
    redis.call('ZADD', KEYS[4], nowMs, e.alertId)
    local deliveriesKey = prefix .. ':alerts:deliveries:' .. e.alertId
    for endpointId, delivery in pairs(e.deliveries) do
      redis.call('HSETNX', deliveriesKey, endpointId, cjson.encode(delivery))
    end
    table.insert(result.new, e.alertId)
  else
    local record = cjson.decode(existing)
    if record.articleId == articleId then
      table.insert(result.new, record.alertId)
    else
      local seen = false
      for _, s in ipairs(record.sources) do
        if s.articleId == articleId then seen = true end
      end
      if not seen then
        table.insert(record.sources, source)
        redis.call('HSET', KEYS[1], e.key, cjson.encode(record))
        table.insert(result.corroborated, e.key)
      end
    end
  end
end
return finish('done')
`;
