import type { RouteHandler } from '@hono/zod-openapi';
import { and, desc, eq, sql } from 'drizzle-orm';
import { sessions, users } from '../../schemas/db';
import { iso } from '../../schemas/api';
import { clearSessionCookie, requireUser, setSessionCookie } from '../shared/auth/middleware';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../shared/auth/password';
import { createSession, revokeAllSessions } from '../shared/auth/sessions';
import { hashToken } from '../shared/auth/tokens';
import { rowsOf } from '../shared/db/client';
import { withContext } from '../shared/db/tenant';
import type { AppEnv } from '../shared/http/deps';
import { ApiError, conflict, notFound, unauthorized } from '../shared/http/problems';
import { hit, LIMITS } from '../shared/http/rate-limit';
import { clientIp } from '../shared/http/request';
import { SITE_PATHS, siteLink } from '../shared/mail/links';
import { resetMail } from '../shared/mail/account-emails';
import { issueUserToken, sendVerificationMail } from '../shared/auth/verification';
import type * as r from './routes';

const HOUR = 60 * 60 * 1000;

/** The columns the application role may read (password_hash is not one of them). */
const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  emailVerifiedAt: users.emailVerifiedAt,
  locale: users.locale,
};

const userView = (u: { id: string; email: string; name: string; emailVerifiedAt: Date | null; locale: string }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  emailVerified: u.emailVerifiedAt !== null,
  locale: u.locale === 'en' ? ('en' as const) : ('fr' as const),
});


export const register: RouteHandler<typeof r.register, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const body = c.req.valid('json');
  await hit(deps.database, LIMITS.register, clientIp(c), deps.config.RATE_LIMIT_DISABLED);
  const result = await withContext(deps.database, {}, async (scope) => {
    const [existing] = rowsOf<{ user_id: string }>(await scope.tx.execute(sql`select user_id from app.find_login(${body.email})`));
    if (existing) throw conflict('email_taken', 'Un compte existe déjà avec cette adresse. Connectez-vous ou réinitialisez votre mot de passe.');
    const id = crypto.randomUUID();
    const passwordHash = await hashPassword(body.password);
    await scope.tx.insert(users).values({ id, email: body.email, name: body.name, passwordHash, locale: body.locale ?? 'fr' });
    await scope.actAs(id);
    const [user] = await scope.tx.select(userColumns).from(users).where(eq(users.id, id));
    const session = await createSession(scope, id, deps.config.SESSION_DAYS, c.req.header('user-agent'));
    await sendVerificationMail(deps, scope, user);
    return { user, session };
  });
  setSessionCookie(c, result.session.token, result.session.expiresAt);
  return c.json(
    { user: userView(result.user), token: result.session.token, expiresAt: result.session.expiresAt.toISOString() },
    201,
  );
};

export const login: RouteHandler<typeof r.login, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const { email, password } = c.req.valid('json');
  const off = deps.config.RATE_LIMIT_DISABLED;
  await hit(deps.database, LIMITS.loginIp, clientIp(c), off);
  await hit(deps.database, LIMITS.login, email, off);
  const result = await withContext(deps.database, {}, async (scope) => {
    const [found] = rowsOf<{ user_id: string; password_hash: string }>(
      await scope.tx.execute(sql`select user_id, password_hash from app.find_login(${email})`),
    );
    if (!found) {
      await burnPasswordCheck(password);
      return null;
    }
    if (!(await verifyPassword(found.password_hash, password))) return null;
    await scope.actAs(found.user_id);
    const [user] = await scope.tx.select(userColumns).from(users).where(eq(users.id, found.user_id));
    const session = await createSession(scope, found.user_id, deps.config.SESSION_DAYS, c.req.header('user-agent'));
    return { user, session };
  });
  if (!result) throw unauthorized('invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
  setSessionCookie(c, result.session.token, result.session.expiresAt);
  return c.json(
    { user: userView(result.user), token: result.session.token, expiresAt: result.session.expiresAt.toISOString() },
    200,
  );
};

export const logout: RouteHandler<typeof r.logout, AppEnv> = async (c) => {
  const user = requireUser(c);
  const sessionId = c.get('sessionId')!;
  await withContext(c.get('deps').database, { userId: user.id }, (scope) =>
    scope.tx.delete(sessions).where(eq(sessions.id, sessionId)),
  );
  clearSessionCookie(c);
  return c.body(null, 204);
};

export const verifyEmail: RouteHandler<typeof r.verifyEmail, AppEnv> = async (c) => {
  const { token } = c.req.valid('json');
  const user = await withContext(c.get('deps').database, {}, async (scope) => {
    const [row] = rowsOf<{ user_id: string | null }>(
      await scope.tx.execute(sql`select app.consume_user_token(${hashToken(token)}, 'verify_email') as user_id`),
    );
    if (!row?.user_id) throw notFound('token_invalid', 'Ce lien n’est plus valable. Demandez un nouvel e-mail de vérification.');
    await scope.actAs(row.user_id);
    const [updated] = await scope.tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: new Date() })
      .where(eq(users.id, row.user_id))
      .returning(userColumns);
    return updated;
  });
  return c.json(userView(user), 200);
};

export const resendVerification: RouteHandler<typeof r.resendVerification, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const user = requireUser(c);
  if (user.emailVerified) throw conflict('already_verified', 'Votre adresse est déjà confirmée.');
  await hit(deps.database, LIMITS.email, user.email, deps.config.RATE_LIMIT_DISABLED);
  await withContext(deps.database, { userId: user.id }, (scope) => sendVerificationMail(deps, scope, user));
  return c.json({ status: 'accepted' as const, message: 'Un nouvel e-mail de vérification a été envoyé.' }, 202);
};

export const requestPasswordReset: RouteHandler<typeof r.requestPasswordReset, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const { email } = c.req.valid('json');
  const off = deps.config.RATE_LIMIT_DISABLED;
  await hit(deps.database, LIMITS.emailIp, clientIp(c), off);
  await hit(deps.database, LIMITS.email, email, off);
  await withContext(deps.database, {}, async (scope) => {
    const [found] = rowsOf<{ user_id: string }>(await scope.tx.execute(sql`select user_id from app.find_login(${email})`));
    if (!found) return;
    await scope.actAs(found.user_id);
    const [user] = await scope.tx.select(userColumns).from(users).where(eq(users.id, found.user_id));
    const token = await issueUserToken(scope, user.id, 'reset_password', HOUR);
    const link = siteLink(deps.config.PUBLIC_URL, SITE_PATHS.resetPassword, { token });
    await deps.mailer.send(resetMail(user.email, user.name, link, user.locale));
  });
  return c.json(
    { status: 'accepted' as const, message: 'Si un compte existe pour cette adresse, un e-mail vient de lui être envoyé.' },
    202,
  );
};

export const confirmPasswordReset: RouteHandler<typeof r.confirmPasswordReset, AppEnv> = async (c) => {
  const { token, password } = c.req.valid('json');
  await withContext(c.get('deps').database, {}, async (scope) => {
    const [row] = rowsOf<{ user_id: string | null }>(
      await scope.tx.execute(sql`select app.consume_user_token(${hashToken(token)}, 'reset_password') as user_id`),
    );
    if (!row?.user_id) throw notFound('token_invalid', 'Ce lien n’est plus valable. Refaites une demande de réinitialisation.');
    await scope.actAs(row.user_id);
    const passwordHash = await hashPassword(password);
    // Receiving the mail proves the address too.
    await scope.tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date(), emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, row.user_id));
    await revokeAllSessions(scope, row.user_id);
  });
  return c.body(null, 204);
};

export const me: RouteHandler<typeof r.me, AppEnv> = async (c) => {
  const user = requireUser(c);
  return c.json({ ...user, locale: user.locale === 'en' ? ('en' as const) : ('fr' as const) }, 200);
};

export const updateMe: RouteHandler<typeof r.updateMe, AppEnv> = async (c) => {
  const current = requireUser(c);
  const body = c.req.valid('json');
  const user = await withContext(c.get('deps').database, { userId: current.id }, async (scope) => {
    const [updated] = await scope.tx
      .update(users)
      .set({ ...body, updatedAt: new Date() })
      .where(eq(users.id, current.id))
      .returning(userColumns);
    return updated;
  });
  return c.json(userView(user), 200);
};

export const changePassword: RouteHandler<typeof r.changePassword, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const current = requireUser(c);
  const { currentPassword, newPassword } = c.req.valid('json');
  await hit(deps.database, LIMITS.login, current.email, deps.config.RATE_LIMIT_DISABLED);
  await withContext(deps.database, { userId: current.id }, async (scope) => {
    const [row] = rowsOf<{ hash: string }>(await scope.tx.execute(sql`select app.my_password_hash() as hash`));
    if (!row?.hash || !(await verifyPassword(row.hash, currentPassword))) {
      throw new ApiError(403, 'wrong_password', 'Le mot de passe actuel est incorrect.');
    }
    await scope.tx
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword), updatedAt: new Date() })
      .where(eq(users.id, current.id));
    await revokeAllSessions(scope, current.id, c.get('sessionId') ?? undefined);
  });
  return c.body(null, 204);
};

export const listSessions: RouteHandler<typeof r.listSessions, AppEnv> = async (c) => {
  const user = requireUser(c);
  const currentId = c.get('sessionId');
  const rows = await withContext(c.get('deps').database, { userId: user.id }, (scope) =>
    scope.tx.select().from(sessions).where(eq(sessions.userId, user.id)).orderBy(desc(sessions.lastSeenAt)),
  );
  return c.json(
    {
      items: rows.map((s) => ({
        id: s.id,
        current: s.id === currentId,
        createdAt: iso(s.createdAt)!,
        lastSeenAt: iso(s.lastSeenAt)!,
        expiresAt: iso(s.expiresAt)!,
        userAgent: s.userAgent,
      })),
    },
    200,
  );
};

export const revokeSession: RouteHandler<typeof r.revokeSession, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { sessionId } = c.req.valid('param');
  const deleted = await withContext(c.get('deps').database, { userId: user.id }, (scope) =>
    scope.tx.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, user.id))).returning({ id: sessions.id }),
  );
  if (deleted.length === 0) throw notFound('session_not_found', 'Session introuvable.');
  if (sessionId === c.get('sessionId')) clearSessionCookie(c);
  return c.body(null, 204);
};

export const revokeOtherSessions: RouteHandler<typeof r.revokeOtherSessions, AppEnv> = async (c) => {
  const user = requireUser(c);
  await withContext(c.get('deps').database, { userId: user.id }, (scope) =>
    revokeAllSessions(scope, user.id, c.get('sessionId') ?? undefined),
  );
  return c.body(null, 204);
};

export const myTerritories: RouteHandler<typeof r.myTerritories, AppEnv> = async (c) => {
  const user = requireUser(c);
  const rows = await withContext(c.get('deps').database, { userId: user.id }, async (scope) =>
    rowsOf<{ territory_id: string; slug: string; name: string; membership_id: string; role: 'admin' | 'facilitator' | 'member'; status: 'pending' | 'active' | 'suspended' }>(
      await scope.tx.execute(sql`select * from app.my_territories()`),
    ),
  );
  return c.json(
    {
      items: rows.map((t) => ({
        territoryId: t.territory_id,
        slug: t.slug,
        name: t.name,
        membershipId: t.membership_id,
        role: t.role,
        status: t.status,
      })),
    },
    200,
  );
};
