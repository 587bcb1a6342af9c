import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { createGunzip, createInflate, createBrotliDecompress } from 'node:zlib';
import { Readable, type Transform } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';
import { StageError } from '../shared/errors.js';
import { isHostAllowed, isPublicAddress } from './address-policy.js';

export interface SafeFetchOptions {
  /** TROOPWATCH_ALLOW_PRIVATE_HOSTS entries. */
  allowPrivateHosts: readonly string[];
  userAgent: string;
  /** @defaultValue 10 MiB, after decompression */
  maxBytes?: number;
  /** @defaultValue 5 */
  maxRedirects?: number;
  /** Connect and header timeout. @defaultValue 10 s */
  timeoutMs?: number;
  /** Whole-body deadline. @defaultValue 30 s */
  bodyTimeoutMs?: number;
  headers?: Record<string, string>;
}

export interface SafeFetchResult {
  /** The URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Resolves names itself and refuses non-public addresses, so the address
 * that was checked is the one connected to (no DNS rebinding in between).
 */
function guardedLookup(
  hostname: string,
  options: { all?: boolean; family?: number },
  callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const allowed = addresses.filter((a) => isPublicAddress(a.address));
    if (allowed.length === 0) {
      return callback(
        new StageError(`fetch: ${hostname} resolves to a non-public address`, 'blocked_address', false),
        '',
      );
    }
    if (options.all) return callback(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
}

const guardedAgent = new Agent({ connect: { lookup: guardedLookup as never } });
const openAgent = new Agent();

/**
 * GET an untrusted URL: each redirect hop is checked again, non-public
 * addresses are refused unless allowed, and the body is capped after
 * decompression (a gzip bomb stops at the cap).
 */
export async function safeFetch(
  input: string,
  opts: SafeFetchOptions,
): Promise<SafeFetchResult> {
  const maxRedirects = opts.maxRedirects ?? 5;
  let url = parseHttpUrl(input);
  for (let hop = 0; ; hop++) {
    const dispatcher = pickDispatcher(url, opts.allowPrivateHosts);
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method: 'GET',
        dispatcher,
        headersTimeout: opts.timeoutMs ?? 10_000,
        bodyTimeout: opts.timeoutMs ?? 10_000,
        signal: AbortSignal.timeout(opts.bodyTimeoutMs ?? 30_000),
        headers: {
          'user-agent': opts.userAgent,
          accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
          'accept-encoding': 'gzip, deflate, br',
          ...opts.headers,
        },
      });
    } catch (err) {
      throw classifyNetworkError(err, url);
    }
    // Errors of an abandoned body (after a redirect or past the cap) must not
    // surface as unhandled; a body that is read reports them to its reader.
    response.body.on('error', () => undefined);
    const headers = flattenHeaders(response.headers);
    if (response.statusCode >= 300 && response.statusCode < 400 && headers.location) {
      response.body.destroy();
      if (hop >= maxRedirects) {
        throw new StageError(`fetch: more than ${maxRedirects} redirects from ${input}`, 'too_many_redirects', false);
      }
      url = parseHttpUrl(new URL(headers.location, url).toString());
      continue;
    }
    const body = await readCapped(response.body, headers['content-encoding'], opts.maxBytes ?? 10 * 1024 * 1024, url);
    return { url: url.toString(), status: response.statusCode, headers, body };
  }
}

function pickDispatcher(url: URL, allowList: readonly string[]): Dispatcher {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (isHostAllowed(allowList, url.hostname, port)) return openAgent;
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  // An IP literal never goes through the lookup, so check it here.
  if (isIP(literal) !== 0 && !isPublicAddress(literal)) {
    throw new StageError(`fetch: ${url.host} is a non-public address`, 'blocked_address', false);
  }
  return guardedAgent;
}

export function parseHttpUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new StageError(`fetch: not a URL: ${input}`, 'invalid_url', false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StageError(`fetch: only http and https URLs are fetched, not ${url.protocol}`, 'invalid_url', false);
  }
  return url;
}

async function readCapped(
  body: Readable,
  encoding: string | undefined,
  maxBytes: number,
  url: URL,
): Promise<Buffer> {
  const decoder: Transform | null =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  const stream: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) body.on('error', (err) => decoder.destroy(err));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        stream.destroy();
        body.destroy();
        throw new StageError(`fetch: body of ${url.host} exceeds ${maxBytes} bytes`, 'too_large', false);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof StageError) throw err;
    throw classifyNetworkError(err, url);
  }
  return Buffer.concat(chunks);
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Classify once, at the boundary: network failures to stable codes. */
export function classifyNetworkError(err: unknown, url: URL): StageError {
  if (err instanceof StageError) return err;
  const e = err as { code?: string; name?: string; message?: string; cause?: unknown };
  const cause = (e.cause ?? {}) as { code?: string };
  if (cause instanceof StageError) return cause;
  const code = e.code ?? cause.code ?? '';
  const where = url.host;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || /TIMEOUT/.test(code)) {
    return new StageError(`fetch: ${where} timed out`, 'timeout', true, { cause: err });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new StageError(`fetch: cannot resolve ${url.hostname}`, 'dns', code === 'EAI_AGAIN', { cause: err });
  }
  if (/CERT|TLS|SSL/.test(code)) {
    return new StageError(`fetch: TLS failure with ${where} (${code})`, 'tls', false, { cause: err });
  }
  return new StageError(`fetch: connection to ${where} failed (${code || e.message})`, 'connection', true, { cause: err });
}

/** HTTP status → classified error, or null when the status is a success. */
export function classifyHttpStatus(
  status: number,
  headers: Record<string, string>,
  url: string,
): StageError | null {
  if (status >= 200 && status < 300) return null;
  if (status === 410) return new StageError(`fetch: ${url} is gone (410)`, 'http_gone', false);
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    if (status === 429 || retryAfterMs !== undefined) {
      return new StageError(`fetch: ${url} asks to slow down (${status})`, 'rate_limited', true, { retryAfterMs });
    }
  }
  if (status >= 500) return new StageError(`fetch: ${url} answered ${status}`, 'http_5xx', true);
  return new StageError(`fetch: ${url} answered ${status}`, 'http_4xx', status === 408);
}

/** Retry-After as seconds or an HTTP date → ms from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
