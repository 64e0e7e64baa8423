import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Browser tests need Debian's chromium: .ci/run installs it, so in CI they always run
// (and .ci/summarise.mjs fails if none did); elsewhere they are left out without it
// (tests/e2e/README.md).
const withBrowser = existsSync('/usr/bin/chromium');

export default defineConfig({
  test: {
    include: ['functions/**/*.test.ts', 'schemas/**/*.test.ts', 'infra/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(withBrowser ? [] : ['tests/e2e/**'])],
    globalSetup: withBrowser ? ['tests/e2e/global-setup.ts'] : [],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
