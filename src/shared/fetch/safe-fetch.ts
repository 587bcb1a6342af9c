/**
 * The fetch stage's one HTTP client for untrusted URLs (feeds, article
 * links): addresses checked after DNS and at every redirect
 * (`address-policy.ts`), deadlines, body caps after decompression and a
 * media-type check, every failure classified once as a `StageError`. The
 * folder also owns turning the bytes into text (`decode-content.ts`) and an
 * article's identity (`canonical-url.ts`).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import { StageError } from '../errors.js';
import { isHostAllowed, isPublicAddress } from './address-policy.js';

export interface SafeFetchOptions {
  /** TROOPWATCH_ALLOW_PRIVATE_HOSTS entries. */
  allowPrivateHosts: readonly string[];
  userAgent: string;
  /** @defaultValue 10 MiB, counted after decompression */
  maxBytes?: number;
  /** @defaultValue 5 */
  maxRedirects?: number;
  /** Connect timeout, and the longest wait for headers or between body chunks. @defaultValue 10 s */
  timeoutMs?: number;
  /** Deadline for the whole exchange, redirects and body included. @defaultValue 30 s */
  deadlineMs?: number;
  /** Extra request headers (conditional GET). */
  headers?: Record<string, string>;
  /** Accepted media types, matched as prefixes of Content-Type; none: any. */
  accept?: readonly string[];
}

export interface SafeFetchResult {
  /** The URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Resolves names itself and refuses non-public addresses; the address that
 * was checked is the one connected to, so DNS rebinding cannot slip in.
 */
function guardedLookup(
  hostname: string,
  options: { all?: boolean },
  callback: (
    err: Error | null,
    address: string | LookupAddress[],
    family?: number,
  ) => void,
): void {
  dnsLookup(hostname, { all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const allowed = addresses.filter((a) => isPublicAddress(a.address));
    if (allowed.length === 0) {
      const error = new StageError(
        `fetch: ${hostname} resolves to a non-public address`,
        'blocked_address',
        false,
      );
      return callback(error, '');
    }
    if (options.all) return callback(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
}

/** Agents per timeout: the guarded one for the open web, an open one for allowed hosts. */
const agents = new Map<string, Agent>();
function agentFor(guarded: boolean, timeoutMs: number): Agent {
  const key = `${guarded}:${timeoutMs}`;
  let agent = agents.get(key);
  if (agent === undefined) {
    agent = new Agent({
      connect: {
        timeout: timeoutMs,
        ...(guarded ? { lookup: guardedLookup as never } : {}),
      },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    agents.set(key, agent);
  }
  return agent;
}

/**
 * GET an untrusted URL (a feed, an article). Every redirect hop is checked
 * again, non-public addresses are refused unless allowed, the body is capped
 * after decompression (a gzip bomb stops at the cap), and the whole exchange
 * has a deadline (a slow drip ends too). Failures are classified once, here.
 */
export async function safeFetch(
  input: string,
  opts: SafeFetchOptions,
): Promise<SafeFetchResult> {
  const maxRedirects = opts.maxRedirects ?? 5;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const signal = AbortSignal.timeout(opts.deadlineMs ?? 30_000);
  let url = parseHttpUrl(input);
  for (let hop = 0; ; hop++) {
    const dispatcher = pickDispatcher(url, opts.allowPrivateHosts, timeoutMs);
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method: 'GET',
        dispatcher,
        signal,
        headers: {
          'user-agent': opts.userAgent,
          accept:
            'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
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
    if (
      response.statusCode >= 300 &&
      response.statusCode < 400 &&
      headers.location
    ) {
      response.body.destroy();
      if (hop >= maxRedirects) {
        throw new StageError(
          `fetch: more than ${maxRedirects} redirects from ${input}`,
          'too_many_redirects',
          false,
        );
      }
      url = parseHttpUrl(new URL(headers.location, url).toString());
      continue;
    }
    const failure =
      response.statusCode === 304
        ? null
        : classifyHttpStatus(response.statusCode, headers, url.toString());
    if (failure) {
      response.body.destroy();
      throw failure;
    }
    if (
      opts.accept &&
      response.statusCode !== 304 &&
      !isAccepted(headers['content-type'], opts.accept)
    ) {
      response.body.destroy();
      throw new StageError(
        `fetch: ${url.host} sent ${headers['content-type'] ?? 'no content type'}, not ${opts.accept.join(' or ')}`,
        'not_html',
        false,
      );
    }
    const maxBytes = opts.maxBytes ?? MAX_BYTES;
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.body.destroy();
      throw new StageError(
        `fetch: ${url.host} announces ${declared} bytes, over the ${maxBytes}-byte cap`,
        'too_large',
        false,
      );
    }
    const body = await readCapped(
      response.body,
      headers['content-encoding'],
      maxBytes,
      url,
    );
    return { url: url.toString(), status: response.statusCode, headers, body };
  }
}

function isAccepted(
  contentType: string | undefined,
  accept: readonly string[],
): boolean {
  // A missing type is let through: the content sniffing after it decides.
  if (contentType === undefined) return true;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return accept.some((prefix) => type.startsWith(prefix));
}

function pickDispatcher(
  url: URL,
  allowList: readonly string[],
  timeoutMs: number,
): Dispatcher {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (isHostAllowed(allowList, url.hostname, port))
    return agentFor(false, timeoutMs);
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  // An IP literal never goes through the lookup, so check it here.
  if (isIP(literal) !== 0 && !isPublicAddress(literal)) {
    throw new StageError(
      `fetch: ${url.host} is a non-public address`,
      'blocked_address',
      false,
    );
  }
  return agentFor(true, timeoutMs);
}

export function parseHttpUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new StageError(`fetch: not a URL: ${input}`, 'invalid_url', false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StageError(
      `fetch: only http and https URLs are fetched, not ${url.protocol}`,
      'invalid_url',
      false,
    );
  }
  return url;
}

async function readCapped(
  body: Readable,
  encoding: string | undefined,
  maxBytes: number,
  url: URL,
): Promise<Buffer> {
  const decoder = createDecoder(encoding);
  const stream: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) body.on('error', (err) => decoder.destroy(err));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        throw new StageError(
          `fetch: body of ${url.host} exceeds ${maxBytes} bytes`,
          'too_large',
          false,
        );
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    stream.destroy();
    body.destroy();
    if (err instanceof StageError) throw err;
    // DOMException codes are numbers; zlib's are strings like Z_DATA_ERROR.
    if (String((err as { code?: unknown }).code ?? '').startsWith('Z_')) {
      throw new StageError(
        `fetch: ${url.host} sent a corrupt ${encoding} body`,
        'invalid_body',
        false,
        { cause: err },
      );
    }
    throw classifyNetworkError(err, url);
  }
  return Buffer.concat(chunks);
}

function createDecoder(encoding: string | undefined): Transform | null {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined)
      out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Network failures to stable codes: timeouts and resets retry, the rest do not. */
export function classifyNetworkError(err: unknown, url: URL): StageError {
  if (err instanceof StageError) return err;
  const e = err as {
    code?: unknown;
    name?: string;
    message?: string;
    cause?: unknown;
  };
  if (e.cause instanceof StageError) return e.cause;
  const code = String(
    e.code ?? (e.cause as { code?: unknown } | undefined)?.code ?? '',
  );
  const where = url.host;
  if (
    e.name === 'TimeoutError' ||
    e.name === 'AbortError' ||
    /TIMEOUT/.test(code)
  ) {
    return new StageError(`fetch: ${where} timed out`, 'timeout', true, {
      cause: err,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') {
    return new StageError(
      `fetch: cannot resolve ${url.hostname}`,
      'dns',
      code === 'EAI_AGAIN',
      { cause: err },
    );
  }
  if (
    /CERT|TLS|SSL|ERR_SSL/.test(code) ||
    /certificate|TLS/i.test(e.message ?? '')
  ) {
    return new StageError(
      `fetch: TLS failure with ${where} (${code || e.message})`,
      'tls',
      false,
      { cause: err },
    );
  }
  return new StageError(
    `fetch: connection to ${where} failed (${code || e.message})`,
    'connection',
    true,
    { cause: err },
  );
}

/** HTTP status to a classified error, or null when the status is a success. */
export function classifyHttpStatus(
  status: number,
  headers: Record<string, string>,
  url: string,
): StageError | null {
  if (status >= 200 && status < 300) return null;
  if (status === 410)
    return new StageError(`fetch: ${url} is gone (410)`, 'http_gone', false);
  const retryAfterMs = parseRetryAfter(headers['retry-after']);
  if (status === 429) {
    return new StageError(
      `fetch: ${url} asks to slow down (429)`,
      'rate_limited',
      true,
      { retryAfterMs },
    );
  }
  if (status >= 500)
    return new StageError(
      `fetch: ${url} answered ${status}`,
      'http_5xx',
      true,
      { retryAfterMs },
    );
  return new StageError(
    `fetch: ${url} answered ${status}`,
    'http_4xx',
    status === 408,
  );
}

/** Retry-After as seconds or an HTTP date, in ms from now. */
export function parseRetryAfter(
  value: string | undefined,
  now = Date.now(),
): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
