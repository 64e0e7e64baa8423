// Fixed-window rate limits kept in PostgreSQL: functions are stateless and scale out,
// so a counter in memory would be per instance. Keys are hashed (no email or IP at rest).
// The table is reachable only through app.rate_limit_hit (migration 0006).
import { sql } from 'drizzle-orm';
import { hashToken } from '../auth/tokens';
import { rowsOf } from '../db/client';
import type { Database } from '../db/client';
import { withContext } from '../db/tenant';
import { ApiError } from './problems';

export interface Limit {
  name: string;
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  login: { name: 'login', max: 10, windowSeconds: 15 * 60 },
  loginIp: { name: 'login-ip', max: 50, windowSeconds: 15 * 60 },
  email: { name: 'email', max: 5, windowSeconds: 60 * 60 },
  emailIp: { name: 'email-ip', max: 30, windowSeconds: 60 * 60 },
  register: { name: 'register', max: 20, windowSeconds: 60 * 60 },
  /** Commune search: each query may go on to the national address base, a third party. */
  communes: { name: 'communes', max: 120, windowSeconds: 15 * 60 },
} satisfies Record<string, Limit>;

/**
 * Counts one hit in its own transaction (a failed login rolls its request back, the
 * count must stay); throws 429 with Retry-After once the window is full.
 */
export async function hit(database: Database, limit: Limit, subject: string, disabled = false): Promise<void> {
  if (disabled) return;
  const key = `${limit.name}:${hashToken(subject.toLowerCase())}`;
  const [row] = await withContext(database, {}, async (scope) =>
    rowsOf<{ hits: number; retry: number }>(
      await scope.tx.execute(sql`select hits, retry_after as retry from app.rate_limit_hit(${key}, ${limit.windowSeconds})`),
    ),
  );
  if (row && row.hits > limit.max) {
    throw new ApiError(429, 'rate_limited', 'Trop de tentatives. Réessayez plus tard.', {}, {
      'retry-after': String(Math.max(1, row.retry)),
    });
  }
}
