// Clients that behave as a careful integrator would: every request has a deadline, a
// creation carries an Idempotency-Key and is retried with the same key after a 502, a 503,
// a timeout or a 409 in progress; an edit carries If-Match and is retried with the same
// one. Each client keeps what was acknowledged to it, to be compared with what is stored.
import { generateToken, hashToken } from '../../functions/shared/auth/tokens';
import { memberships, sessions, users } from '../../schemas/db';
import type { StackDatabase } from './stack';

/**
 * A request slower than this is a hang: the API must answer, even if only 503. The load of
 * fifty writers on a shared two-core machine may queue requests for seconds, so that
 * scenario allows more; the fault scenarios hold the API to this.
 */
export const ANSWER_WITHIN_MS = 10_000;

export interface Answer {
  status: number; // 0 = no answer (network error or deadline)
  body: any;
  headers: Headers;
  ms: number;
}

export interface Tally {
  requests: number;
  statuses: Record<string, number>;
  /** Requests without an answer within their deadline. */
  hangs: number;
  /** 503 answers that were not problem+json database_unavailable with Retry-After. */
  bad503: string[];
  /** Answers no scenario expects (500, a 4xx other than the conflicts…). */
  unexpected: string[];
  slowestMs: number;
}

export const newTally = (): Tally => ({ requests: 0, statuses: {}, hangs: 0, bad503: [], unexpected: [], slowestMs: 0 });

export async function send(
  base: string,
  tally: Tally,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; withinMs?: number } = {},
): Promise<Answer> {
  const started = Date.now();
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let answer: Answer;
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.withinMs ?? ANSWER_WITHIN_MS),
    });
    const text = await res.text();
    const json = /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text;
    answer = { status: res.status, body: json, headers: res.headers, ms: Date.now() - started };
  } catch (err) {
    answer = { status: 0, body: String(err), headers: new Headers(), ms: Date.now() - started };
    if ((err as Error).name === 'TimeoutError') tally.hangs += 1;
  }
  tally.requests += 1;
  tally.statuses[answer.status] = (tally.statuses[answer.status] ?? 0) + 1;
  tally.slowestMs = Math.max(tally.slowestMs, answer.ms);
  if (answer.status === 503) {
    const ok =
      /application\/problem\+json/.test(answer.headers.get('content-type') ?? '') &&
      answer.body?.code === 'database_unavailable' &&
      Number(answer.headers.get('retry-after')) > 0;
    if (!ok) tally.bad503.push(`${method} ${path}: ${JSON.stringify(answer.body).slice(0, 200)}`);
  }
  return answer;
}

/** Worth retrying as is: no answer, the gateway lost the function, the database is away, or the key is busy. */
export const retryable = (a: Answer) =>
  a.status === 0 || a.status === 502 || a.status === 503 || (a.status === 409 && a.body?.code === 'idempotency_in_progress');

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Member {
  userId: string;
  membershipId: string;
  token: string;
}

/**
 * People written straight by the owner (a password hash they never use, a session), as
 * active facilitators: registering fifty accounts through argon2id would only measure
 * argon2id. Facilitators may edit every listing, so they can compete for the same ones.
 */
export async function seedMembers(db: StackDatabase, territoryId: string, count: number, prefix: string): Promise<Member[]> {
  const people = Array.from({ length: count }, (_, i) => ({
    userId: crypto.randomUUID(),
    membershipId: crypto.randomUUID(),
    token: generateToken(),
    email: `${prefix}.${i}@charge.example.fr`,
    name: `Client de charge ${i}`,
  }));
  const now = new Date();
  const owner = db.owner.db;
  await owner.insert(users).values(people.map((p) => ({ id: p.userId, email: p.email, name: p.name, passwordHash: '$argon2id$unused', emailVerifiedAt: now })));
  await owner.insert(sessions).values(people.map((p) => ({ id: hashToken(p.token), userId: p.userId, expiresAt: new Date(Date.now() + 30 * 86_400_000) })));
  await owner.insert(memberships).values(
    people.map((p) => ({ territoryId, id: p.membershipId, userId: p.userId, role: 'facilitator' as const, status: 'active' as const, charterAcceptedAt: now, decidedAt: now })),
  );
  return people.map(({ userId, membershipId, token }) => ({ userId, membershipId, token }));
}
