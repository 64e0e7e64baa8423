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
    // Bounds on waiting, never performance assertions (npm run bench measures time): CI
    // machines have 2 shared cores, and browser journeys hash passwords and load pages.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two files at a time on the 2-core CI machine: much of the suite waits on processes,
    // browsers and PostgreSQL, and one at a time took twice as long.
    maxWorkers: 2,
  },
});
