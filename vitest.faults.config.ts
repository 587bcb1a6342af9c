import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the fault suite (tests/faults), real processes
 * killed, disks filled and Redis taken away. One file at a time: each
 * starts its own servers and worker processes.
 */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    globalSetup: ['tests/setup/redis-global.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 60_000,
    reporters: ['default', './tests/setup/summary-reporter.ts'],
  },
});
