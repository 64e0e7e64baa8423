// Reads vitest's JSON report: prints the plain "N passed, N failed" line CI looks for and
// fails when the PostgreSQL variants of the database suites did not run.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const tests = report.testResults.flatMap((file) => file.assertionResults);
const count = (status) => tests.filter((t) => t.status === status).length;
const onPostgres = tests.filter((t) => / on postgres\b/.test(t.fullName) && t.status === 'passed').length;
const skipped = count('skipped') + count('pending') + count('todo');
// Browser journeys are named "… in Chromium" (tests/e2e); .ci/run installs chromium.
const inBrowser = tests.filter((t) => / in Chromium\b/.test(t.fullName) && t.status === 'passed').length;

console.log(`PostgreSQL tests passed: ${onPostgres}`);
console.log(`Browser tests passed: ${inBrowser}`);
console.log(`${count('passed')} passed, ${count('failed')} failed, ${skipped} skipped`);
if (count('failed') > 0 || !report.success) process.exit(1);
if (onPostgres === 0) {
  console.error('The PostgreSQL run executed no test (is TEST_DATABASE_URL honoured?).');
  process.exit(1);
}
if (inBrowser === 0) {
  console.error('No browser test ran (is /usr/bin/chromium installed? see tests/e2e/README.md).');
  process.exit(1);
}
if (skipped > 0) {
  console.error('Some tests were skipped: CI does not accept silently skipped suites.');
  process.exit(1);
}
