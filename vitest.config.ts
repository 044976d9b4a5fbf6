import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**'],
    environment: 'node',
    pool: 'forks',
    // Property tests and CLI round trips take seconds on a loaded two-core machine.
    testTimeout: 30_000,
    globalSetup: ['test/support/build.ts'],
  },
});
