// Suggestions for one listing among 10,000 open listings of a territory (issue 5: p95
// under 50 ms). The matching function's own app, in process, on PostgreSQL as the
// unprivileged login: session check, tenant context, the listing look-up and the one
// suggestion statement, for listings of both kinds taken at random, one caller at a time
// (latency, not throughput). Its own data set: 2 territories × 10,000 listings, all open.
//
//   npx tsx bench/matching.ts     # only this scenario; merges it into bench/results.json
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import matching from '../functions/matching';
import { loadConfig } from '../functions/shared/config';
import { openPostgres } from '../functions/shared/db/client';
import { buildFunction } from '../functions/shared/http/function';
import { createLogger } from '../functions/shared/http/logger';
import { createMailer } from '../functions/shared/mail/mailer';
import { APP_LOGIN, type BenchConfig, databaseUrl, type DataSet, loadBenchConfig } from './config';
import { ensureDataSet } from './generate';
import { percentile } from './load';
import { loadAverage } from './machine';
import { BENCH_SLUG, memberSession } from './search';

export interface MatchingResult {
  dataSet: DataSet;
  openListings: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanSuggestions: number;
  targetP95Ms: number;
  /** The machine's load average while it ran (the cores are shared with everything else). */
  loadAverage: string;
}

export const MATCHING_TARGET_P95_MS = 50;

export function matchingDataSet(config: BenchConfig): DataSet {
  return { database: config.quick ? 'soliterr_bench_quick_matching' : 'soliterr_bench_matching', territories: 2, listingsPerTerritory: 10_000 };
}

export async function measureMatching(config: BenchConfig): Promise<MatchingResult> {
  const dataSet = matchingDataSet(config);
  await ensureDataSet(config.adminUrl, dataSet, { rebuild: config.rebuild });
  const ownerUrl = databaseUrl(config.adminUrl, dataSet.database);
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  // Every listing of the measured territory open: the worst case the target speaks of.
  const changed = await owner`
    update listings set status = 'open' where status <> 'open'
       and territory_id = (select id from territories where slug = ${BENCH_SLUG})`;
  if (changed.count > 0) await owner.unsafe('vacuum analyze listings');
  const [{ open }] = await owner<{ open: number }[]>`
    select count(*)::int as open from listings l join territories t on t.id = l.territory_id
     where t.slug = ${BENCH_SLUG} and l.status = 'open'`;
  const sample = (await owner<{ id: string }[]>`
    select l.id from listings l join territories t on t.id = l.territory_id
     where t.slug = ${BENCH_SLUG} order by random() limit 300`).map((r) => r.id);
  await owner.end();

  const session = await memberSession(ownerUrl);
  const config0 = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', RATE_LIMIT_DISABLED: 'true', SECRETS_DIR: '/nonexistent' } as NodeJS.ProcessEnv);
  const logger = createLogger('silent');
  const database = openPostgres(databaseUrl(config.adminUrl, dataSet.database, APP_LOGIN), { max: 2 });
  const app = buildFunction(matching, { config: config0, database, logger, mailer: createMailer({ from: config0.MAIL_FROM, logger }) });
  const call = async (id: string) => {
    const res = await app.request(`/api/v1/territories/${BENCH_SLUG}/listings/${id}/suggestions?limit=10`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    if (res.status !== 200) throw new Error(`suggestions answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { items: unknown[] }).items.length;
  };
  try {
    for (const id of sample.slice(0, 30)) await call(id); // warm-up
    const latencies: number[] = [];
    let suggestions = 0;
    const until = performance.now() + config.seconds * 1000;
    for (let i = 0; performance.now() < until || latencies.length < sample.length; i++) {
      const started = performance.now();
      suggestions += await call(sample[i % sample.length]!);
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    const result: MatchingResult = {
      dataSet,
      openListings: open,
      requests: latencies.length,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1) ?? 0,
      meanSuggestions: Math.round((suggestions / latencies.length) * 10) / 10,
      targetP95Ms: MATCHING_TARGET_P95_MS,
      loadAverage: loadAverage(),
    };
    console.log(
      `  suggestions among ${open.toLocaleString('en')} open listings: ${result.requests} requests, ` +
        `p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms ` +
        `(target p95 < ${MATCHING_TARGET_P95_MS} ms: ${result.p95Ms < MATCHING_TARGET_P95_MS ? 'met' : 'MISSED'})`,
    );
    return result;
  } finally {
    await session.revoke();
    await database.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const config = loadBenchConfig();
  console.log('== Matching: suggestions for one listing');
  const result = await measureMatching(config);
  const file = fileURLToPath(new URL('results.json', import.meta.url));
  const results = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, `${JSON.stringify({ ...results, matching: { ...result, measuredAt: new Date().toISOString() } }, null, 2)}\n`);
  console.log('Merged into bench/results.json (key « matching »).');
}
