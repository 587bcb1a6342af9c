/**
 * Content hashes and the stable ids derived from them: one novelty key gives
 * one alert id, one corroboration one id, one alert and endpoint one webhook
 * id, so retries and replays land on the same records.
 */
import { createHash } from 'node:crypto';

/** sha256 hex of a string or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The alert id of a novelty key: one key, one `claim.new`, one id. */
export function alertIdFor(key: string): string {
  return `al_${sha256(`claim.new|${key}`).slice(0, 20)}`;
}

/** One corroboration of a key by one article, one id. */
export function corroborationIdFor(key: string, articleId: string): string {
  return `al_${sha256(`claim.corroborated|${key}|${articleId}`).slice(0, 20)}`;
}

/** Stable per alert and endpoint, so receivers can deduplicate retries. */
export function webhookIdFor(alertId: string, endpointId: string): string {
  return `msg_${sha256(`${alertId}|${endpointId}`).slice(0, 24)}`;
}
