import type { RouteHandler } from '@hono/zod-openapi';
import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { categories, DEFAULT_CATEGORIES, memberships, territories, users } from '../../schemas/db';
import { setSessionCookie } from '../shared/auth/middleware';
import { hashPassword } from '../shared/auth/password';
import { createSession } from '../shared/auth/sessions';
import { rowsOf } from '../shared/db/client';
import { withContext, withTerritory } from '../shared/db/tenant';
import { recordAudit } from '../shared/audit';
import { decodeCursor, encodeCursor } from '../shared/http/cursor';
import { isUniqueViolation } from '../shared/http/database-errors';
import type { AppEnv } from '../shared/http/deps';
import { idempotent } from '../shared/http/idempotency';
import { conflict, forbidden, notFound, unauthorized } from '../shared/http/problems';
import { hit, LIMITS } from '../shared/http/rate-limit';
import { clientIp } from '../shared/http/request';
import { requireUser } from '../shared/auth/middleware';
import { prepareVerificationMail } from '../shared/auth/verification';
import { categoryView, fields, territoryView } from './views';
import type * as r from './routes';

export { listAuditLog } from './audit-log';

export const createTerritory: RouteHandler<typeof r.createTerritory, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const { territory: input, admin } = c.req.valid('json');
  const caller = c.get('user');
  if (!caller && !admin) {
    throw unauthorized('unauthenticated', "Connectez-vous, ou indiquez le compte de l'administrateur du territoire.");
  }
  await hit(deps.database, LIMITS.register, clientIp(c), deps.config.RATE_LIMIT_DISABLED);
  // Set only when this request created the admin account: sent once the territory exists.
  let verification: (() => Promise<void>) | undefined;
  const response = await withContext(deps.database, { userId: caller?.id }, idempotent(c, async (scope) => {
    let session: { token: string; expiresAt: Date } | null = null;
    if (!caller && admin) {
      const [existing] = rowsOf(await scope.tx.execute(sql`select user_id from app.find_login(${admin.email})`));
      if (existing) throw conflict('email_taken', 'Un compte existe déjà avec cette adresse : connectez-vous d’abord.');
      const userId = crypto.randomUUID();
      await scope.tx.insert(users).values({
        id: userId,
        email: admin.email,
        name: admin.name,
        passwordHash: await hashPassword(admin.password),
        locale: admin.locale ?? 'fr',
      });
      await scope.actAs(userId);
      session = await createSession(scope, userId, deps.config.SESSION_DAYS, c.req.header('user-agent'));
      verification = await prepareVerificationMail(deps, scope, { id: userId, email: admin.email, name: admin.name, locale: admin.locale ?? 'fr' });
    }
    const territoryId = crypto.randomUUID();
    // No RETURNING and no ON CONFLICT: both make PostgreSQL check the SELECT policy on the
    // new row, and a private territory is not visible to its founder until the founder's
    // membership exists. A savepoint turns a taken slug into a clean 409.
    try {
      await scope.tx.transaction((savepoint) =>
        savepoint.insert(territories).values({
          id: territoryId,
          slug: input.slug,
          name: input.name,
          description: input.description,
          departement: input.departement ?? null,
          region: input.region ?? null,
          centerLat: input.centerLat ?? null,
          centerLon: input.centerLon ?? null,
          membershipPolicy: input.membershipPolicy,
          visibility: input.visibility,
          charter: input.charter,
          accentColor: input.accentColor ?? null,
        }),
      );
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw conflict('slug_taken', "Cette adresse de territoire n'est pas disponible. Choisissez-en une autre.");
      }
      throw err;
    }
    await scope.enterTerritory(territoryId);
    const now = new Date();
    const membershipId = crypto.randomUUID();
    await scope.tx.insert(memberships).values({
      territoryId,
      id: membershipId,
      userId: scope.userId!,
      role: 'admin',
      status: 'active',
      charterAcceptedAt: now,
      decidedAt: now,
    });
    await scope.tx.insert(categories).values(
      DEFAULT_CATEGORIES.map((cat, i) => ({ territoryId, id: crypto.randomUUID(), ...cat, position: (i + 1) * 10 })),
    );
    await recordAudit({ ...scope, territoryId }, { action: 'territory.created', targetType: 'territory', targetId: territoryId });
    const territory = await territoryView(scope, territoryId);
    // Only a founder who was not signed in gets a session (and never a replayed answer).
    if (session) setSessionCookie(c, session.token, session.expiresAt);
    return c.json(
      { territory, session: session ? { token: session.token, expiresAt: session.expiresAt.toISOString() } : null },
      201,
    );
  }));
  if (verification) {
    // A mail that fails is logged: the territory and its admin exist, and the person can ask again.
    await verification().catch((err) => c.get('log').warn('mail not sent', { subject: 'verify_email', error: String(err) }));
  }
  return response;
};

const DirectoryCursor = z.tuple([z.string(), z.uuid()]);

export const listTerritories: RouteHandler<typeof r.listTerritories, AppEnv> = async (c) => {
  const { q, limit, cursor } = c.req.valid('query');
  const after = decodeCursor(cursor, DirectoryCursor);
  const rows = await withContext(c.get('deps').database, {}, (scope) => {
    const filters = [eq(territories.visibility, 'public')];
    if (q?.trim()) {
      const pattern = `%${q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      filters.push(sql`app.fold(${territories.name} || ' ' || coalesce(${territories.departement}, '') || ' ' || coalesce(${territories.region}, '')) ilike app.fold(${pattern})`);
    }
    if (after) {
      filters.push(or(gt(territories.name, after[0]), and(eq(territories.name, after[0]), gt(territories.id, after[1])))!);
    }
    return scope.tx.select().from(territories).where(and(...filters)).orderBy(asc(territories.name), asc(territories.id)).limit(limit + 1);
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return c.json(
    { items: page.map(fields), nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null },
    200,
  );
};

export const getTerritory: RouteHandler<typeof r.getTerritory, AppEnv> = async (c) => {
  const { slug } = c.req.valid('param');
  const view = await withTerritory(c.get('deps').database, { userId: c.get('user')?.id, slug }, (scope) =>
    territoryView(scope, scope.territoryId),
  );
  return c.json(view, 200);
};

export const updateTerritory: RouteHandler<typeof r.updateTerritory, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const changes = c.req.valid('json');
  const view = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    if (scope.role !== 'admin') throw forbidden('admin_only', 'Seuls les administrateurs du territoire peuvent modifier ses réglages.');
    await scope.tx.update(territories).set({ ...changes, updatedAt: new Date() }).where(eq(territories.id, scope.territoryId));
    await recordAudit(scope, {
      action: 'territory.updated',
      targetType: 'territory',
      targetId: scope.territoryId,
      details: { fields: Object.keys(changes) },
    });
    return territoryView(scope, scope.territoryId);
  });
  return c.json(view, 200);
};

export const listCategories: RouteHandler<typeof r.listCategories, AppEnv> = async (c) => {
  const { slug } = c.req.valid('param');
  const { includeArchived } = c.req.valid('query');
  const rows = await withTerritory(c.get('deps').database, { userId: c.get('user')?.id, slug }, (scope) =>
    scope.tx
      .select()
      .from(categories)
      .where(and(eq(categories.territoryId, scope.territoryId), includeArchived === 'true' ? undefined : isNull(categories.archivedAt)))
      .orderBy(asc(categories.position), asc(categories.labelFr)),
  );
  return c.json({ items: rows.map(categoryView) }, 200);
};

export const createCategory: RouteHandler<typeof r.createCategory, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const body = c.req.valid('json');
  return withTerritory(c.get('deps').database, { userId: user.id, slug }, idempotent(c, async (scope) => {
    if (scope.role !== 'admin') throw forbidden('admin_only', 'Seuls les administrateurs gèrent les catégories.');
    const [taken] = await scope.tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.territoryId, scope.territoryId), eq(categories.slug, body.slug)));
    if (taken) throw conflict('category_exists', 'Une catégorie porte déjà cet identifiant dans ce territoire.');
    const [created] = await scope.tx
      .insert(categories)
      .values({ territoryId: scope.territoryId, id: crypto.randomUUID(), ...body, position: body.position ?? 1000 })
      .returning();
    await recordAudit(scope, { action: 'category.created', targetType: 'category', targetId: created.id, details: { slug: body.slug } });
    return c.json(categoryView(created), 201);
  }));
};

export const updateCategory: RouteHandler<typeof r.updateCategory, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, categoryId } = c.req.valid('param');
  const { archived, ...rest } = c.req.valid('json');
  const row = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    if (scope.role !== 'admin') throw forbidden('admin_only', 'Seuls les administrateurs gèrent les catégories.');
    const set: Partial<typeof categories.$inferInsert> = { ...rest };
    if (archived !== undefined) set.archivedAt = archived ? new Date() : null;
    const [updated] = await scope.tx
      .update(categories)
      .set(set)
      .where(and(eq(categories.territoryId, scope.territoryId), eq(categories.id, categoryId)))
      .returning();
    if (!updated) throw notFound('category_not_found', 'Catégorie introuvable dans ce territoire.');
    await recordAudit(scope, { action: 'category.updated', targetType: 'category', targetId: categoryId, details: { fields: Object.keys(set) } });
    return updated;
  });
  return c.json(categoryView(row), 200);
};
