import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The fault suite is part of the run but for its long runs (about ten
    // minutes): those are in npm run test:faults, with the rest of it.
    exclude: ['tests/faults/long-runs.test.ts', 'node_modules/**'],
    // One real redis-server for the whole run (tests/setup/redis-global.ts).
    globalSetup: ['tests/setup/redis-global.ts'],
    // Integration tests start worker processes and servers; on two cores
    // they run one file at a time so they do not starve each other.
    fileParallelism: false,
    testTimeout: 60_000,
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    hookTimeout: 60_000,
  },
});
