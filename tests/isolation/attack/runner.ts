// Runs the attempts of one operation for one caller and records what went wrong: a 5xx,
// a status the document does not declare, a refusal that was not one, an answer that
// tells B's id from an id that exists nowhere, a marker of B in the answer, or any change
// to B's stored rows.
import { sql } from 'drizzle-orm';
import type { OperationEntry } from '../../../functions/docs/document';
import type { Database } from '../../../functions/shared/db/client';
import type { ApiResponse } from '../../support/harness';
import { tenantTables } from '../requests';
import { allowedLevels, leaksIn, readableText } from './markers';
import type { Attempt, RequestParts } from './probe';
import { type Caller, credentials, type World } from './world';

export interface Tally {
  operations: Set<string>;
  callers: Set<string>;
  attempts: number;
  controls: number;
  leaks: number;
  failures: string[];
}

export const newTally = (): Tally => ({ operations: new Set(), callers: new Set(), attempts: 0, controls: 0, leaks: 0, failures: [] });

interface Sent {
  path: string;
  request: string;
  response: ApiResponse;
  text: string;
}

async function send(w: World, entry: OperationEntry, caller: Caller, parts: RequestParts): Promise<Sent> {
  const path = entry.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = parts.params?.[name];
    if (value === undefined) throw new Error(`${entry.operation.operationId}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const query = parts.query ? `?${new URLSearchParams(parts.query)}` : '';
  const auth = credentials(caller, parts.token ?? caller.user?.token);
  const response = await w.api.call(entry.method.toUpperCase(), path + query, {
    ...auth,
    headers: { ...auth.headers, ...parts.headers },
    body: parts.body,
    raw: parts.raw,
    allowServerError: true,
  });
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  const request = [path, decodeURIComponent(query), JSON.stringify(parts.body ?? null), JSON.stringify(parts.headers ?? {})].join('\n').toLowerCase();
  return { path, request, response, text };
}

const codeOf = (r: ApiResponse) => (r.body && typeof r.body === 'object' ? (r.body as { code?: string }).code : undefined);
const countOf = (r: ApiResponse) =>
  r.body && typeof r.body === 'object' && Array.isArray((r.body as { items?: unknown[] }).items) ? (r.body as { items: unknown[] }).items.length : undefined;
const shape = (r: ApiResponse) => `${r.status} ${codeOf(r) ?? ''} ${countOf(r) ?? ''}`.trim();

export async function runAttempts(
  w: World,
  entry: OperationEntry,
  caller: Caller,
  attempts: Attempt[],
  readState: () => Promise<TargetState>,
  tally: Tally,
): Promise<void> {
  const id = entry.operation.operationId;
  const documented = new Set(Object.keys(entry.operation.responses));
  const fail = (attempt: Attempt, what: string) => tally.failures.push(`${id} · ${caller.key} · ${attempt.label}: ${what}`);
  const before = await readState();
  for (const attempt of attempts) {
    tally.attempts += 1;
    const sent = await send(w, entry, caller, attempt.parts);
    const { status, headers } = sent.response;
    if (status >= 500) fail(attempt, `server error ${status}: ${sent.text.slice(0, 300)}`);
    if (!documented.has(String(status))) fail(attempt, `status ${status} is not documented (${[...documented].join(', ')})`);
    if (attempt.expect === 'refused' && status < 400) fail(attempt, `accepted with ${status}: ${sent.text.slice(0, 300)}`);
    if (status >= 400 && !/problem\+json/.test(headers.get('content-type') ?? '')) fail(attempt, `refusal ${status} is not problem+json`);
    const readable = readableText(sent.text, headers, sent.response.body);
    const leaks = leaksIn(w.markers, allowedLevels(w, caller, sent.path, id), caller, readable, sent.request);
    tally.leaks += leaks.length;
    for (const leak of leaks) fail(attempt, `LEAK of ${leak.what} (${leak.level}) in ${status} ${sent.text.slice(0, 300)}`);
    // The person in both may see B's members-only rows: their answers legitimately differ.
    const oracle = attempt.control && !(caller.inB && sent.path.includes(`/territories/${w.B.slug}`));
    if (oracle) {
      tally.controls += 1;
      const control = await send(w, entry, caller, attempt.control!);
      if (shape(control.response) !== shape(sent.response)) {
        fail(attempt, `answers ${shape(sent.response)} for B's value but ${shape(control.response)} for one that exists nowhere`);
      }
    }
  }
  const changed = changedParts(before, await readState(), attempts.some((a) => a.accountsMayChange));
  if (changed.length) tally.failures.push(`${id} · ${caller.key}: B's stored rows changed in ${changed.join(', ')}`);
}

// What is stored for the target, read by the owner connection (bypassing row-level
// security): every row of B and P in every tenant table (found in the catalog), the two
// territories themselves, and the accounts, sessions and tokens of B's people. Each part
// is a count and an md5 over the rows AND their row versions (xmin), so even a rewrite
// with identical values shows.
export type TargetState = Record<string, string>;
export const ACCOUNT_PARTS = ['users', 'sessions', 'user_tokens'];

export async function stateReader(owner: Database, territoryIds: string[], userIds: string[]): Promise<() => Promise<TargetState>> {
  const list = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const digest = (table: string, where: ReturnType<typeof sql>) =>
    sql`(select count(*)::text || ':' || coalesce(md5(string_agg(t.xmin::text || ' ' || t::text, ',' order by t::text)), '')
           from ${sql.identifier(table)} t where ${where}) as ${sql.identifier(table)}`;
  const parts = [
    ...(await tenantTables(owner)).map((table) => digest(table, sql`t.territory_id in (${list(territoryIds)})`)),
    digest('territories', sql`t.id in (${list(territoryIds)})`),
    digest('users', sql`t.id in (${list(userIds)})`),
    digest('sessions', sql`t.user_id in (${list(userIds)})`),
    digest('user_tokens', sql`t.user_id in (${list(userIds)})`),
  ];
  const query = sql`select ${sql.join(parts, sql`, `)}`;
  return async () => owner.rows<TargetState>(await owner.db.execute(query))[0];
}

/** The parts that differ, leaving out the accounts when the operation may touch them by design. */
export function changedParts(before: TargetState, after: TargetState, accountsMayChange: boolean): string[] {
  return Object.keys(before).filter((k) => before[k] !== after[k] && !(accountsMayChange && ACCOUNT_PARTS.includes(k)));
}
