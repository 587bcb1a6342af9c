// Values that tests/setup/redis-global.ts hands to tests via `inject()`.
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:<port>` of the throwaway server for this run. */
    redisUrl: string;
  }
}
