/**
 * One error class per failure family, each with a stable `code`. Messages
 * start with the stage or subsystem ("fetch: …", "config: …").
 */

abstract class TroopwatchError<C extends string> extends Error {
  constructor(
    message: string,
    readonly code: C,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad usage or bad input: the CLI exits 2 with the message. */
export type UsageErrorCode =
  | 'usage'
  | 'config'
  | 'input_missing'
  | 'input_empty'
  | 'input_binary'
  | 'input_unreadable'
  | 'invalid_url'
  | 'redis_missing'
  | 'redis_version';
export class UsageError extends TroopwatchError<UsageErrorCode> {}

/** A runtime failure: the CLI exits 1 with the message. */
export type RuntimeErrorCode =
  'redis_unavailable' | 'redis_start' | 'data_dir_unwritable' | 'internal';
export class RuntimeError extends TroopwatchError<RuntimeErrorCode> {}

/** A failure inside a pipeline stage; `retryable` decides whether BullMQ retries. */
export type StageErrorCode =
  | 'seed_unreadable'
  | 'empty_content'
  | 'binary_content'
  | 'not_html'
  | 'not_a_feed'
  | 'malformed_feed'
  | 'article_missing'
  | 'timeout'
  | 'dns'
  | 'tls'
  | 'connection'
  | 'http_4xx'
  | 'http_5xx'
  | 'http_gone'
  | 'rate_limited'
  | 'too_large'
  | 'blocked_address'
  | 'too_many_redirects'
  | 'invalid_url'
  | 'invalid_body'
  | 'parse_timeout';
export class StageError extends TroopwatchError<StageErrorCode> {
  constructor(
    message: string,
    code: StageErrorCode,
    readonly retryable: boolean,
    options?: ErrorOptions & { retryAfterMs?: number },
  ) {
    super(message, code, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
  readonly retryAfterMs: number | undefined;
}

/** Turn anything thrown into an Error (graphile `coerceError`). */
export function coerceError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'string') return new Error(thrown);
  return new Error(`non-error thrown: ${JSON.stringify(thrown)}`);
}
