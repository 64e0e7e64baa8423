import type { RouteHandler } from '@hono/zod-openapi';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { memberships, organisations, users } from '../../schemas/db';
import { requireUser } from '../shared/auth/middleware';
import { type TerritoryScope, withTerritory } from '../shared/db/tenant';
import { decodeCursor, encodeCursor } from '../shared/http/cursor';
import type { AppEnv } from '../shared/http/deps';
import { idempotent } from '../shared/http/idempotency';
import { conflict, forbidden } from '../shared/http/problems';
import type * as r from './routes';
import { findOrganisation, organisationView, selectOrganisations } from './views';

/** The same establishment registered twice splits its history: one SIRET, one structure. */
async function refuseDuplicateSiret(scope: TerritoryScope, siret: string | null | undefined, except?: string) {
  if (!siret) return;
  const [twin] = await scope.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.territoryId, scope.territoryId), eq(organisations.siret, siret)));
  if (twin && twin.id !== except) {
    throw conflict('organisation_exists', 'Une structure de ce territoire porte déjà ce SIRET.', { organisationId: twin.id });
  }
}

export const createOrganisation: RouteHandler<typeof r.createOrganisation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const body = c.req.valid('json');
  return withTerritory(c.get('deps').database, { userId: user.id, slug }, idempotent(c, async (scope) => {
    if (!scope.membershipId) throw forbidden('members_only', 'Seuls les membres actifs du territoire enregistrent des structures.');
    await refuseDuplicateSiret(scope, body.siret);
    const id = crypto.randomUUID();
    await scope.tx.insert(organisations).values({ ...body, territoryId: scope.territoryId, id, createdBy: scope.membershipId });
    // The guard trigger lets a member change their own organisation, nothing else.
    await scope.tx
      .update(memberships)
      .set({ organisationId: id })
      .where(and(eq(memberships.territoryId, scope.territoryId), eq(memberships.id, scope.membershipId), isNull(memberships.organisationId)));
    return c.json(organisationView(await findOrganisation(scope, id)), 201);
  }));
};

const ListCursor = z.tuple([z.string(), z.uuid()]);

export const listOrganisations: RouteHandler<typeof r.listOrganisations, AppEnv> = async (c) => {
  const { slug } = c.req.valid('param');
  const { kind, q, limit, cursor } = c.req.valid('query');
  const after = decodeCursor(cursor, ListCursor);
  const rows = await withTerritory(c.get('deps').database, { userId: c.get('user')?.id, slug }, (scope) => {
    const pattern = q?.trim() ? `%${q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
    return selectOrganisations(scope)
      .where(and(
        eq(organisations.territoryId, scope.territoryId),
        kind ? eq(organisations.kind, kind) : undefined,
        pattern ? sql`app.fold(${organisations.name} || ' ' || coalesce(${organisations.commune}, '')) ilike app.fold(${pattern})` : undefined,
        after ? sql`(${organisations.name}, ${organisations.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
      ))
      .orderBy(asc(organisations.name), asc(organisations.id))
      .limit(limit + 1);
  });
  const items = rows.slice(0, limit).map(organisationView);
  const last = items.at(-1);
  return c.json({ items, nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null }, 200);
};

export const getOrganisation: RouteHandler<typeof r.getOrganisation, AppEnv> = async (c) => {
  const { slug, organisationId } = c.req.valid('param');
  const view = await withTerritory(c.get('deps').database, { userId: c.get('user')?.id, slug }, async (scope) =>
    organisationView(await findOrganisation(scope, organisationId)),
  );
  return c.json(view, 200);
};

export const updateOrganisation: RouteHandler<typeof r.updateOrganisation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, organisationId } = c.req.valid('param');
  const changes = c.req.valid('json');
  const view = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    await refuseDuplicateSiret(scope, changes.siret, organisationId);
    const updated = await scope.tx
      .update(organisations)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(organisations.territoryId, scope.territoryId), eq(organisations.id, organisationId)))
      .returning({ id: organisations.id });
    if (updated.length === 0) {
      // Row-level security updated nothing: say whether it is hidden or only not editable.
      await findOrganisation(scope, organisationId);
      throw forbidden('not_editable', 'Seuls ses représentants, son créateur, les administrateurs et les animateurs modifient cette structure.');
    }
    return organisationView(await findOrganisation(scope, organisationId));
  });
  return c.json(view, 200);
};

export const listOrganisationMembers: RouteHandler<typeof r.listOrganisationMembers, AppEnv> = async (c) => {
  const { slug, organisationId } = c.req.valid('param');
  const items = await withTerritory(c.get('deps').database, { userId: c.get('user')?.id, slug }, async (scope) => {
    await findOrganisation(scope, organisationId);
    return scope.tx
      .select({ id: memberships.id, userId: memberships.userId, name: users.name, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(
        eq(memberships.territoryId, scope.territoryId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.status, 'active'),
      ))
      .orderBy(asc(users.name), asc(memberships.id));
  });
  return c.json({ items }, 200);
};
