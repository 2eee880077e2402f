import { defineConfig } from 'vitest/config';

// Browser tests against the real platform: one server for the whole run (global setup),
// one Chromium per test file, files and tests one after another.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    // The first start migrates and seeds a fresh database (~15 s); a cold Chromium page load is slow on 2 cores.
    testTimeout: 90_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
