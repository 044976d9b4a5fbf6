import { defineConfig } from 'vitest/config';

// The browser tests: each file starts `watchbill serve` and a headless Chromium, so files
// run one after another.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/e2e/support/global-setup.ts'],
  },
});
