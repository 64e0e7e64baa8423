// `npm run lighthouse`: Lighthouse (mobile and desktop presets) with Debian's chromium on
// the demo territory's public page and one of its public listings, as a visitor, against
// the product started as `npm start` starts it. Writes bench/lighthouse/results.json and
// prints the table the README shows. Everything runs on 127.0.0.1: no network needed.
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { startProduct } from './product';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const SLUG = 'coeur-de-bigorre';
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

interface PageScores {
  page: string;
  path: string;
  preset: 'mobile' | 'desktop';
  scores: Record<string, number>;
  /** Audits that lost points (score < 1), with their title: what to fix next. */
  below: { id: string; score: number; title: string }[];
  metrics: Record<string, string | null>;
  /** What Lighthouse estimates could be saved, in ms of load time. */
  opportunities: { id: string; savingsMs: number; title: string }[];
  consoleErrors: string[];
}

async function publicListingPath(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/territories/${SLUG}/listings?limit=1&sort=newest`);
  const body = (await response.json()) as { items?: { id: string }[] };
  const id = body.items?.[0]?.id;
  if (!id) throw new Error(`No public listing in ${SLUG} (HTTP ${response.status})`);
  return `/t/${SLUG}/annonces/${id}`;
}

function summarise(lhr: Result, page: string, path: string, preset: PageScores['preset']): PageScores {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
  const counted = new Set(CATEGORIES.flatMap((c) => lhr.categories[c]?.auditRefs.filter((r) => r.weight > 0).map((r) => r.id) ?? []));
  const below = Object.values(lhr.audits)
    .filter((a) => counted.has(a.id) && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
    .map((a) => ({ id: a.id, score: a.score as number, title: a.title }));
  const opportunities = Object.values(lhr.audits)
    .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) > 0)
    .map((a) => ({ id: a.id, savingsMs: Math.round((a.details as { overallSavingsMs: number }).overallSavingsMs), title: a.title }));
  const metrics = Object.fromEntries(
    ['first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'total-blocking-time', 'cumulative-layout-shift'].map((id) => [id, lhr.audits[id]?.displayValue ?? null]),
  );
  // What the browser logged as errors (a failed request, a CSP violation…): best practices counts them.
  const consoleErrors = ((lhr.audits['errors-in-console']?.details as { items?: { description?: string; url?: string }[] } | undefined)?.items ?? [])
    .map((i) => `${i.description ?? ''} ${i.url ?? ''}`.trim());
  return { page, path, preset, scores, metrics, below, opportunities, consoleErrors };
}

const product = await startProduct();
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
const results: PageScores[] = [];
try {
  const pages = [
    { page: 'territory home', path: `/t/${SLUG}` },
    { page: 'listing', path: await publicListingPath(product.url) },
  ];
  for (const { page, path } of pages) {
    for (const preset of ['mobile', 'desktop'] as const) {
      const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
      const run = await lighthouse(`${product.url}${path}`, flags, preset === 'desktop' ? desktopConfig : undefined);
      if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
      if (run.lhr.runtimeError) throw new Error(`Lighthouse: ${run.lhr.runtimeError.message}`);
      results.push(summarise(run.lhr, page, path, preset));
      console.log(`${page} (${preset}): ${CATEGORIES.map((c) => `${c} ${results.at(-1)?.scores[c]}`).join(', ')}`);
    }
  }
} finally {
  chrome.kill();
  await product.stop();
}

const chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
const lighthouseVersion = (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version as string;
writeFileSync(
  RESULTS,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, chromium, lighthouse: lighthouseVersion, results }, null, 2)}\n`,
);
console.log(`\n| page | preset | ${CATEGORIES.join(' | ')} |\n|---|---|${CATEGORIES.map(() => '--:').join('|')}|`);
for (const r of results) console.log(`| ${r.page} | ${r.preset} | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} |`);
console.log(`\nWritten to ${RESULTS}`);
