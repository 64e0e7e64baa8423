// Listing search: the full stack (gateway → listings function → PostgreSQL under RLS)
// against the same SQL sent directly with postgres.js, one after the other at each
// concurrency, in the same run. Both sides first answer once and must return the same
// page, so the comparison is of the same work.
import postgres from 'postgres';
import { generateToken, hashToken } from '../functions/shared/auth/tokens';
import { appClient, type RecordedRequest, recordListRequest, replay } from './direct';
import { memberEmail, territorySlug } from './generate';
import { cpuPerRequest, type Group } from './cpu';
import { closedLoop, httpLoad, type LoadResult, type RawRun, summarise, warmUp } from './load';

export interface Scenario {
  name: string;
  who: string;
  /** Query string of GET /api/v1/territories/{slug}/listings. */
  search: string;
  member: boolean;
}

/** Realistic requests: the default sort (newest first) and the default page of 20. */
export const SCENARIOS: Scenario[] = [
  { name: 'visitor-list', who: 'visitor: open offers, newest first, page of 20', search: 'kind=offer&status=open', member: false },
  { name: 'visitor-search', who: 'visitor: full-text search « abricots », newest first', search: 'q=abricots', member: false },
  { name: 'member-list', who: 'member (Bearer token): needs, newest first, page of 20', search: 'kind=need', member: true },
];

/** The measured territory: the first one (all are generated alike). */
export const BENCH_SLUG = territorySlug(1);
const SESSION_AGENT = 'soliterr-bench';

/** A session for a member of the measured territory, as sign-in would create it; revoked by the returned function. */
export async function memberSession(ownerUrl: string): Promise<{ token: string; revoke(): Promise<void> }> {
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  const token = generateToken();
  await owner`
    insert into sessions (id, user_id, expires_at, user_agent)
    select ${hashToken(token)}, id, now() + interval '30 days', ${SESSION_AGENT} from users where email = ${memberEmail(1, 5)}`;
  return {
    token,
    async revoke() {
      await owner`delete from sessions where user_agent = ${SESSION_AGENT}`;
      await owner.end();
    },
  };
}

/** One scenario ready to run on both sides. */
export interface Prepared {
  scenario: Scenario;
  url: string;
  headers: Record<string, string>;
  recorded: RecordedRequest;
  statements: number;
  rows: number;
}

/** Records the scenario's SQL, then checks that the function and the replay return the same page. */
export async function prepare(scenario: Scenario, gatewayUrl: string, appUrl: string, token: string, direct: postgres.Sql): Promise<Prepared> {
  const recorded = await recordListRequest(appUrl, { slug: BENCH_SLUG, search: scenario.search, token: scenario.member ? token : undefined });
  const headers: Record<string, string> = scenario.member ? { authorization: `Bearer ${token}` } : {};
  const url = `${gatewayUrl}/api/v1/territories/${BENCH_SLUG}/listings?${scenario.search}`;
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${scenario.name}: ${response.status} ${await response.text()}`);
  const page = (await response.json()) as { items: { id: string }[] };
  const rows = await replay(direct, recorded.transactions);
  const replayed = rows.slice(0, page.items.length).map((row) => String(row[1]));
  if (page.items.length === 0 || JSON.stringify(replayed) !== JSON.stringify(page.items.map((i) => i.id))) {
    throw new Error(`${scenario.name}: the function and the replayed SQL returned different pages`);
  }
  return {
    scenario,
    url,
    headers,
    recorded: recorded.transactions,
    statements: recorded.transactions.flat().length,
    rows: page.items.length,
  };
}

export const fullStack = (p: Prepared, connections: number, seconds: number): Promise<RawRun> =>
  httpLoad(p.url, { connections, seconds, headers: p.headers });

export const directSql = (p: Prepared, direct: postgres.Sql, connections: number, seconds: number): Promise<RawRun> =>
  closedLoop(() => replay(direct, p.recorded), { concurrency: connections, seconds });

export interface Comparison {
  connections: number;
  direct: LoadResult;
  full: LoadResult;
  /** Full-stack throughput as a share of direct SQL throughput (target ≥ 0.6). */
  ratio: number;
  /** CPU ms per request of each process group, on each side. */
  cpuMsPerRequest: { direct: Record<string, number>; full: Record<string, number> };
}

export interface CompareOptions {
  concurrency: number[];
  seconds: number;
  cpu: { direct: Record<string, Group>; full: Record<string, Group> };
  /** Wraps the measured full-stack run (memory sampling). */
  onFullStack?: <T>(run: () => Promise<T>) => Promise<T>;
}

/** Direct SQL then full stack at each concurrency, each after its own warm-up. */
export async function compare(p: Prepared, direct: postgres.Sql, options: CompareOptions): Promise<Comparison[]> {
  const results: Comparison[] = [];
  const around = options.onFullStack ?? ((run) => run());
  for (const connections of options.concurrency) {
    await warmUp((s) => directSql(p, direct, connections, s), options.seconds);
    const d = await cpuPerRequest(options.cpu.direct, () => directSql(p, direct, connections, options.seconds));
    await warmUp((s) => fullStack(p, connections, s), options.seconds);
    const f = await around(() => cpuPerRequest(options.cpu.full, () => fullStack(p, connections, options.seconds)));
    const [ds, fs] = [summarise(d.result), summarise(f.result)];
    const ratio = Math.round((fs.rps / ds.rps) * 100) / 100;
    results.push({ connections, direct: ds, full: fs, ratio, cpuMsPerRequest: { direct: d.cpuMs, full: f.cpuMs } });
    const cpu = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0).toFixed(2);
    console.log(
      `  ${p.scenario.name.padEnd(15)} c=${String(connections).padStart(2)}  direct ${ds.rps.toFixed(0).padStart(5)} req/s p50 ${ds.p50Ms.toFixed(2)} p99 ${ds.p99Ms.toFixed(2)} ms cpu ${cpu(d.cpuMs)} ms/req` +
        `  |  full ${fs.rps.toFixed(0).padStart(5)} req/s p50 ${fs.p50Ms.toFixed(2)} p99 ${fs.p99Ms.toFixed(2)} ms cpu ${cpu(f.cpuMs)} ms/req  →  ${(ratio * 100).toFixed(0)} %` +
        (ds.errors || fs.errors ? `  (errors: direct ${ds.errors}, full ${fs.errors})` : ''),
    );
  }
  return results;
}

export { appClient };
