// Sessions: created at sign-in, validated on every request with sliding expiry,
// revocable one by one or all at once (password reset).
import { and, eq, ne, sql } from 'drizzle-orm';
import { sessions } from '../../../schemas/db';
import type { Database } from '../db/client';
import { rowsOf } from '../db/client';
import { type Scope, withContext } from '../db/tenant';
import type { SessionUser } from '../http/deps';
import { generateToken, hashToken } from './tokens';

const DAY = 24 * 60 * 60 * 1000;

export async function createSession(scope: Scope, userId: string, days: number, userAgent?: string) {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + days * DAY);
  await scope.tx.insert(sessions).values({
    id: hashToken(token),
    userId,
    expiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export interface ValidSession {
  sessionId: string;
  user: SessionUser;
  expiresAt: Date;
  renewed: boolean;
}

/** Returns the session of a token, extending it when past half of its life; null if invalid. */
export async function validateSessionToken(database: Database, token: string, days: number): Promise<ValidSession | null> {
  const sessionId = hashToken(token);
  return withContext(database, {}, async (scope) => {
    const row = rowsOf<{
      user_id: string;
      expires_at: Date | string;
      email: string;
      name: string;
      email_verified_at: Date | string | null;
      locale: string;
    }>(await scope.tx.execute(sql`select * from app.find_session(${sessionId})`))[0];
    if (!row) return null;
    await scope.actAs(row.user_id);
    const expiresAt = new Date(row.expires_at);
    if (expiresAt.getTime() <= Date.now()) {
      await scope.tx.delete(sessions).where(eq(sessions.id, sessionId));
      return null;
    }
    let renewed = false;
    let newExpiry = expiresAt;
    if (expiresAt.getTime() - Date.now() < (days * DAY) / 2) {
      newExpiry = new Date(Date.now() + days * DAY);
      renewed = true;
      await scope.tx
        .update(sessions)
        .set({ expiresAt: newExpiry, lastSeenAt: new Date() })
        .where(eq(sessions.id, sessionId));
    }
    return {
      sessionId,
      expiresAt: newExpiry,
      renewed,
      user: {
        id: row.user_id,
        email: row.email,
        name: row.name,
        emailVerified: row.email_verified_at !== null,
        locale: row.locale,
      },
    };
  });
}

export async function revokeSession(scope: Scope, sessionId: string) {
  return scope.tx.delete(sessions).where(eq(sessions.id, sessionId)).returning({ id: sessions.id });
}

export async function revokeAllSessions(scope: Scope, userId: string, exceptSessionId?: string) {
  const where = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
    : eq(sessions.userId, userId);
  await scope.tx.delete(sessions).where(where);
}
