// Sending a fuzzed request exactly as bytes, what its answer must be, and the digest of
// the whole database a refused request must leave as it was.
import { sql } from 'drizzle-orm';
import type { Database } from '../../functions/shared/db/client';
import type { ApiResponse } from '../support/harness';
import type { FuzzRequest, Shape } from './requests';
import { isText, type JsonSchema, resolve } from './schema';
import type { OpenApiDocument } from '../../functions/docs/document';
import type { FuzzWorld } from './world';

/** Percent-encodes the UTF-8 bytes of a value (a lone surrogate becomes U+FFFD, as any client would send it). */
const encode = (value: string) =>
  [...new TextEncoder().encode(value)].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

export interface Answer {
  response: ApiResponse;
  text: string;
  target: string;
}

export async function send(w: FuzzWorld, shape: Shape, req: FuzzRequest, token?: string): Promise<Answer> {
  const path = shape.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encode(req.params[name] ?? ''));
  const query = req.query.length ? `?${req.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}` : '';
  const headers: Record<string, string> = {};
  if (req.signed) headers.authorization = `Bearer ${token ?? (await w.tokenFor(shape.id))}`;
  if (req.body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(req.body.byteLength);
  }
  Object.assign(headers, req.headers);
  if (headers['content-type'] === '') delete headers['content-type'];
  const response = await w.api.call(shape.method, path + query, { headers, raw: req.body, allowServerError: true });
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  return { response, text, target: `${shape.method} ${path}${query}` };
}

export function describeRequest(req: FuzzRequest, answer: Answer): string {
  const body = req.body ? Buffer.from(req.body).toString('utf8').slice(0, 300) : '';
  return `${answer.target} [${req.family}: ${req.why}] ${JSON.stringify(req.headers)} ${body} → ${answer.response.status} ${answer.text.slice(0, 300)}`;
}

/**
 * Statuses the operation does not declare. One is possible everywhere and declared
 * nowhere: 404 route_not_found, for a path that no longer names the operation.
 */
function undocumented(shape: Shape, answer: Answer): string[] {
  const { status, body } = answer.response;
  if (shape.documented.has(status)) return [];
  if (status === 404 && body?.code === 'route_not_found') return [];
  return [`status ${status} (${body?.code}) is not documented for ${shape.id}`];
}

/** What is wrong with the answer to a request that must be refused. */
export function refusalProblems(shape: Shape, answer: Answer): string[] {
  const { status, headers, body } = answer.response;
  const problems: string[] = undocumented(shape, answer);
  if (status >= 500) problems.push(`server error ${status}`);
  else if (status < 400) problems.push(`accepted with ${status}`);
  if (status >= 400 && !/^application\/problem\+json/.test(headers.get('content-type') ?? '')) problems.push('not problem+json');
  else if (status >= 400 && (typeof body?.code !== 'string' || body.status !== status)) problems.push('problem without code or status');
  return problems;
}

/**
 * What is wrong with the answer to a plausible request: a 5xx, a refusal that is not
 * problem+json, or accepted text that does not come back as it was sent.
 */
export function plausibleProblems(doc: OpenApiDocument, shape: Shape, req: FuzzRequest, answer: Answer): string[] {
  const { status } = answer.response;
  if (status >= 500) return [`server error ${status}`];
  if (!shape.documented.has(status) && status < 400) return undocumented(shape, answer);
  if (status >= 400) return refusalProblems(shape, answer).filter((p) => !p.startsWith('accepted'));
  // Creations (201) and edits (PATCH) answer the resource they wrote; other actions
  // answer something else under the same names (a decision's message is not the request's).
  const wrote = status === 201 || shape.method === 'PATCH';
  return wrote && shape.body && req.json !== undefined ? roundTrip(doc, shape.body, req.json, answer.response.body) : [];
}

/** Every free-text property sent, found at the same place in the answer, must read the same (trimmed or not). */
function roundTrip(doc: OpenApiDocument, schema: JsonSchema, sent: unknown, got: unknown, path = ''): string[] {
  const s = resolve(doc, schema);
  if (!sent || typeof sent !== 'object' || !got || typeof got !== 'object' || Array.isArray(sent)) return [];
  const out: string[] = [];
  for (const [key, sub] of Object.entries(s.properties ?? {})) {
    const value = (sent as Record<string, unknown>)[key];
    const back = (got as Record<string, unknown>)[key];
    if (typeof value === 'string' && typeof back === 'string' && isText(resolve(doc, sub)) && back !== value && back !== value.trim()) {
      out.push(`${path}${key} came back as ${JSON.stringify(back)} instead of ${JSON.stringify(value)}`);
    } else if (value && typeof value === 'object') {
      out.push(...roundTrip(doc, sub, value, back, `${path}${key}.`));
    }
  }
  return out;
}

// Everything stored, read by the owner: one digest per table of the public schema (row
// count and md5 over rows and their row versions). A refused request must leave every
// digest as it was.
/** Rate-limit counters are the only rows a refused request may write (disabled here anyway). */
const NOT_DATA = new Set(['rate_limits']);

export async function databaseDigest(owner: Database): Promise<() => Promise<Record<string, string>>> {
  const tables = owner
    .rows<{ name: string }>(await owner.db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`))
    .map((t) => t.name)
    .filter((t) => !NOT_DATA.has(t));
  const parts = tables.map(
    (table) => sql`(select count(*)::text || ':' || coalesce(md5(string_agg(t.xmin::text || ' ' || t::text, ',' order by t::text)), '')
                      from ${sql.identifier(table)} t) as ${sql.identifier(table)}`,
  );
  const query = sql`select ${sql.join(parts, sql`, `)}`;
  return async () => owner.rows<Record<string, string>>(await owner.db.execute(query))[0];
}
