import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const ALERT_TYPES = ['claim.new', 'claim.corroborated'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export interface WebhookEndpoint {
  /** Short stable id derived from the URL. */
  id: string;
  url: string;
  /** `whsec_<base64>` */
  secret: string;
  /** The alert types this endpoint receives. @defaultValue ['claim.new'] */
  types: readonly AlertType[];
}

type Env = Readonly<Record<string, string | undefined>>;

const FileEndpoint = z.object({
  url: z.string(),
  secret: z.string().optional(),
  secretFile: z.string().optional(),
  types: z.array(z.enum(ALERT_TYPES)).nonempty().optional(),
});

/**
 * Webhook endpoints from the environment: `ALERT_WEBHOOK_URL` (comma-separated)
 * with `ALERT_WEBHOOK_SECRET[_FILE]` and `ALERT_WEBHOOK_TYPES`, and/or
 * `TROOPWATCH_WEBHOOKS_FILE`, a JSON array of `{ url, secret | secretFile,
 * types }` for endpoints with their own secrets and types. Problems are
 * appended to `problems` (reported together by loadConfig).
 */
export function readEndpoints(env: Env, problems: string[]): WebhookEndpoint[] {
  const shared = readSecret(
    env.ALERT_WEBHOOK_SECRET,
    env.ALERT_WEBHOOK_SECRET_FILE,
    'ALERT_WEBHOOK_SECRET',
    problems,
  );
  const sharedTypes = readTypes(env.ALERT_WEBHOOK_TYPES, problems);
  const endpoints: WebhookEndpoint[] = [];
  const add = (
    url: string,
    secret: string | null,
    types: readonly AlertType[],
    where: string,
  ): void => {
    if (!isHttpUrl(url))
      return void problems.push(`${where} entry ${url} is not an http(s) URL`);
    if (secret === null) {
      return void problems.push(
        `${where} ${url} has no secret: set ALERT_WEBHOOK_SECRET (or _FILE), whsec_ followed by base64, e.g. whsec_$(openssl rand -base64 32)`,
      );
    }
    if (endpoints.some((e) => e.url === url))
      return void problems.push(`${where} names ${url} twice`);
    endpoints.push({ id: endpointId(url), url, secret, types });
  };
  for (const url of splitList(env.ALERT_WEBHOOK_URL))
    add(url, shared, sharedTypes, 'ALERT_WEBHOOK_URL');

  const file = env.ALERT_WEBHOOK_FILE ?? env.TROOPWATCH_WEBHOOKS_FILE;
  if (file !== undefined && file.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      problems.push(
        `TROOPWATCH_WEBHOOKS_FILE=${file} cannot be read as JSON (${(err as Error).message.split('\n')[0]})`,
      );
      return endpoints;
    }
    const result = z.array(FileEndpoint).safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      problems.push(
        `TROOPWATCH_WEBHOOKS_FILE: ${issue.path.join('.')} ${issue.message}`,
      );
      return endpoints;
    }
    result.data.forEach((entry, i) => {
      const own = readSecret(
        entry.secret,
        entry.secretFile,
        `TROOPWATCH_WEBHOOKS_FILE[${i}].secret`,
        problems,
      );
      add(
        entry.url,
        own ?? shared,
        entry.types ?? sharedTypes,
        'TROOPWATCH_WEBHOOKS_FILE',
      );
    });
  }
  return endpoints;
}

function readTypes(value: string | undefined, problems: string[]): AlertType[] {
  const types = splitList(value);
  if (types.length === 0) return ['claim.new'];
  const unknown = types.filter(
    (t) => !(ALERT_TYPES as readonly string[]).includes(t),
  );
  if (unknown.length > 0)
    problems.push(
      `ALERT_WEBHOOK_TYPES: unknown ${unknown.join(', ')}; types are ${ALERT_TYPES.join(', ')}`,
    );
  return types.filter((t): t is AlertType =>
    (ALERT_TYPES as readonly string[]).includes(t),
  );
}

function readSecret(
  value: string | undefined,
  file: string | undefined,
  name: string,
  problems: string[],
): string | null {
  let secret = value?.trim() || null;
  if (secret === null && file !== undefined && file.trim() !== '') {
    try {
      secret = readFileSync(file.trim(), 'utf8').trim();
    } catch (err) {
      problems.push(
        `${name}_FILE=${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
      return null;
    }
  }
  if (secret !== null && !isWebhookSecret(secret)) {
    problems.push(
      `${name} must be whsec_ followed by base64 of at least 24 bytes`,
    );
    return null;
  }
  return secret;
}

function isWebhookSecret(secret: string): boolean {
  const body = secret.startsWith('whsec_') ? secret.slice(6) : null;
  if (body === null || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return false;
  return Buffer.from(body, 'base64').length >= 24;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname !== ''
    );
  } catch {
    return false;
  }
}

/** A short id per endpoint URL, stable across restarts and machines. */
export function endpointId(url: string): string {
  return `ep_${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;
}
