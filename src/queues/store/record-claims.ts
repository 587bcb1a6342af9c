/**
 * The one place where novelty is decided. Deciding that a claim is new (or a
 * corroboration) and recording the alert to send happen in one Lua script:
 * the alert record with its pending deliveries is the outbox the alert stage
 * works from, so a crash between the two can neither lose nor double an
 * alert, and two workers racing on one novelty key raise one alert (Redis
 * runs scripts one at a time).
 *
 * KEYS: 1 claims hash, 2 claim order zset, 3 alerts hash, 4 alert order zset,
 *       5 article-by-text hash, 6 article hash, 7 seeds pending zset
 * ARGV: 1 article id, 2 text sha256, 3 now (ms), 4 now (ISO), 5 key prefix,
 *       6 JSON array of entries { key, claim, new: Draft, corroborated: Draft }
 *          where a Draft is { alertId, body, deliveries } (body without
 *          `firstSeenAt` and `sources`, which the script fills in;
 *          deliveries maps endpoint id → delivery JSON; a draft with no
 *          deliveries is still recorded for claim.new, and not at all for
 *          claim.corroborated),
 *       7 JSON of this article's source entry.
 *
 * Returns JSON: { duplicateOf, new: [alertId…], corroborated: [key…] }.
 * `new` lists every alert of this article; a retry of the same article
 * (after a crash) gets the same ids back, so the caller can enqueue their
 * deliveries again idempotently.
 */
export const RECORD_CLAIMS_LUA = `
local articleId, textSha, nowMs, nowIso, prefix = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5]
local entries = cjson.decode(ARGV[6])
local source = cjson.decode(ARGV[7])
local result = { duplicateOf = false, new = {}, corroborated = {} }

local function finish(status)
  -- Article fields are stored as JSON values (see articles.ts).
  redis.call('HSET', KEYS[6], 'status', cjson.encode(status), 'completedAt', cjson.encode(nowIso))
  redis.call('ZREM', KEYS[7], articleId)
  return cjson.encode(result)
end

local function recordAlert(draft, type, key, firstSeenAt, sources)
  local body = draft.body
  body.data.firstSeenAt = firstSeenAt
  body.data.sources = sources
  local alert = { id = draft.alertId, type = type, key = key, createdAt = nowIso, body = body }
  redis.call('HSET', KEYS[3], draft.alertId, cjson.encode(alert))
  redis.call('ZADD', KEYS[4], nowMs, draft.alertId)
  local deliveriesKey = prefix .. ':alerts:deliveries:' .. draft.alertId
  for endpointId, delivery in pairs(draft.deliveries) do
    redis.call('HSETNX', deliveriesKey, endpointId, cjson.encode(delivery))
  end
  table.insert(result.new, draft.alertId)
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
      key = e.key, claim = e.claim, articleId = articleId, alertId = e.new.alertId,
      firstSeenAt = nowIso, sources = { source },
    }
    redis.call('HSET', KEYS[1], e.key, cjson.encode(record))
    redis.call('ZADD', KEYS[2], nowMs, e.key)
    recordAlert(e.new, 'claim.new', e.key, nowIso, { source })
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
        if next(e.corroborated.deliveries) ~= nil then
          recordAlert(e.corroborated, 'claim.corroborated', e.key, record.firstSeenAt, record.sources)
        end
      elseif redis.call('HEXISTS', KEYS[3], e.corroborated.alertId) == 1 then
        table.insert(result.new, e.corroborated.alertId)
      end
    end
  end
end
return finish('done')
`;
