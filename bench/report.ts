// The README table from bench/results.json: `npx tsx bench/report.ts`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ColdStart } from './cold-start';
import type { LoadResult } from './load';
import type { ScalingResult } from './scaling';
import type { MatchingResult } from './matching';
import type { Comparison } from './search';

export interface Results {
  generatedAt: string;
  quick: boolean;
  durationSeconds: number;
  functionMemoryLimit: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; postgres: string; loadAverageStart: string; loadAverageEnd: string };
  dataSets: { database: string; territories: number; listingsPerTerritory: number; listings: number; sizeMiB: number }[];
  targets: { searchThroughputRatio: number; tenantScalingP50Ratio: number; coldStartRatio: number; bundleBytes: number; rssMiB: number };
  search: { scenario: string; who: string; comparisons: Comparison[] }[];
  scaling?: ScalingResult[];
  coldStart: { bareNode: ColdStart; bundles: ColdStart[] };
  memory: { idleMiB: number; underLoadMiB: number; peakMiB: number; afterLoadMiB: number };
  matching?: MatchingResult & { loadAverage?: string };
}

const n = (v: number, digits = 0) => v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (v: number) => n(v, v < 10 ? 2 : 1);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const lat = (r: LoadResult) => `${ms(r.p50Ms)} / ${ms(r.p99Ms)}`;
/** "1.9 (postgres 1.2)": the total, then each process group. */
const cpu = (groups: Record<string, number>) =>
  `${n(Object.values(groups).reduce((a, b) => a + b, 0), 1)} (${Object.entries(groups).map(([k, v]) => `${k} ${n(v, 1)}`).join(', ')})`;

export function renderTable(r: Results): string {
  const t = r.targets;
  const [search, few, many] = r.dataSets;
  const lines: string[] = [];
  lines.push(
    `Measured ${r.generatedAt.slice(0, 10)}${r.quick ? ' (BENCH_QUICK)' : ''} on ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB; ` +
      `Node ${r.machine.node}; PostgreSQL ${r.machine.postgres}. Function memory limit: ${r.functionMemoryLimit}. Load average ${r.machine.loadAverageStart} at the start, ` +
      `${r.machine.loadAverageEnd} at the end. \`npm run bench\` took ${Math.round(r.durationSeconds / 60)} min.`,
    '',
    `**Listing search** — one territory of ${n(search.listingsPerTerritory)} listings among ${n(search.territories)} ` +
      `(${n(search.listings)} listings); full stack = gateway → listings function → PostgreSQL (RLS); ` +
      `direct = the same statements with postgres.js. Target: full ≥ ${t.searchThroughputRatio * 100} % of direct.`,
    '',
    '| request | conn. | direct req/s | direct p50 / p99 ms | full req/s | full p50 / p99 ms | full / direct | CPU ms per request, direct → full |',
    '|---|--:|--:|--:|--:|--:|--:|---|',
  );
  for (const s of r.search) {
    for (const c of s.comparisons) {
      lines.push(
        `| ${s.scenario} | ${c.connections} | ${n(c.direct.rps)} | ${lat(c.direct)} | ${n(c.full.rps)} | ${lat(c.full)} | ` +
          `${n(c.ratio * 100)} %${c.ratio >= t.searchThroughputRatio ? '' : ' (missed)'} | ${cpu(c.cpuMsPerRequest.direct)} → ${cpu(c.cpuMsPerRequest.full)} |`,
      );
    }
  }
  if (r.scaling?.length) {
    lines.push(
      '',
      `**Tenant scaling** — p50 at 1 connection, a territory of ${n(few.listingsPerTerritory)} listings among ` +
        `${n(few.territories)} (${n(few.listings)} listings) and among ${n(many.territories)} (${n(many.listings)} listings). ` +
        `Target: ratio ≤ ${t.tenantScalingP50Ratio}.`,
      '',
      `| request | full p50, ${n(few.territories)} → ${n(many.territories)} territories | ratio | direct p50, ${n(few.territories)} → ${n(many.territories)} | ratio | target |`,
      '|---|--:|--:|--:|--:|---|',
    );
    for (const s of r.scaling) {
      lines.push(
        `| ${s.scenario} | ${ms(s.few.full.p50Ms)} → ${ms(s.many.full.p50Ms)} ms | ×${s.ratioFull} | ` +
          `${ms(s.few.direct.p50Ms)} → ${ms(s.many.direct.p50Ms)} ms | ×${s.ratioDirect} | ${verdict(s.ratioFull <= t.tenantScalingP50Ratio)} |`,
      );
    }
  }
  lines.push(
    '',
    `**Cold start and size** — process spawn to the first 200 on \`/_/health\`, median; bare Node: ` +
      `${ms(r.coldStart.bareNode.medianMs)} ms, ${r.coldStart.bareNode.idleRssMiB} MiB. Targets: ≤ ${t.coldStartRatio}× bare Node, ≤ 1 MiB, RSS < ${t.rssMiB} MiB.`,
    '',
    '| bundle | size | cold start | × bare Node | of which loading the code | idle RSS | targets |',
    '|---|--:|--:|--:|--:|--:|---|',
  );
  for (const b of r.coldStart.bundles) {
    const ok = (b.ratio ?? 0) <= t.coldStartRatio && (b.bytes ?? 0) <= t.bundleBytes && b.idleRssMiB < t.rssMiB;
    lines.push(
      `| ${b.name} | ${n((b.bytes ?? 0) / 1024)} KiB | ${ms(b.medianMs)} ms | ×${b.ratio} | ${b.evaluateMs === undefined ? '–' : `${ms(b.evaluateMs)} ms`} | ` +
        `${b.idleRssMiB} MiB | ${verdict(ok)} |`,
    );
  }
  const m = r.memory;
  lines.push(
    '',
    `**Memory** of the listings function (VmRSS): idle ${m.idleMiB} MiB; under load (64 connections) up to ${m.underLoadMiB} MiB ` +
      `(VmHWM ${m.peakMiB} MiB); 2 s after the load ${m.afterLoadMiB} MiB. Target < ${t.rssMiB} MiB: ${verdict(m.peakMiB < t.rssMiB)}.`,
  );
  const g = r.matching;
  if (g) {
    lines.push(
      '',
      `**Suggestions** (transparent matching) for one listing among ${n(g.openListings)} open listings of a territory: ` +
        `${n(g.requests)} requests one after another through the matching function in process (session, tenant context, ` +
        `the one suggestion statement), p50 ${ms(g.p50Ms)} ms, p95 ${ms(g.p95Ms)} ms, p99 ${ms(g.p99Ms)} ms` +
        `${g.loadAverage ? ` (load average ${g.loadAverage})` : ''}. Target p95 < ${g.targetP95Ms} ms: ${verdict(g.p95Ms < g.targetP95Ms)}.`,
    );
  }
  return lines.join('\n');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  console.log(renderTable(JSON.parse(readFileSync(new URL('results.json', import.meta.url), 'utf8')) as Results));
}
