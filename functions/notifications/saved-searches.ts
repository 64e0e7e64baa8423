// Saved searches: « préviens-moi quand une offre de véhicules apparaît à moins de 20 km ».
// Private to their owner (row-level security); the listings function asks the database
// which of them a new listing matches (notifySavedSearches, migration 0015).
import type { RouteHandler } from '@hono/zod-openapi';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { categories, savedSearches } from '../../schemas/db';
import { SAVED_SEARCH_MAX } from '../../schemas/api';
import { requireUser } from '../shared/auth/middleware';
import { rowsOf } from '../shared/db/client';
import { type TerritoryScope, withTerritory } from '../shared/db/tenant';
import type { AppEnv } from '../shared/http/deps';
import { idempotent } from '../shared/http/idempotency';
import { conflict, forbidden, notFound, unprocessable } from '../shared/http/problems';
import { SITE_PATHS } from '../shared/mail/links';
import { notify } from '../shared/notify';
import type * as r from './routes';
import { savedSearchView } from './views';

function membersOnly(scope: TerritoryScope): string {
  if (!scope.membershipId) throw forbidden('members_only', 'Seuls les membres actifs du territoire enregistrent des recherches.');
  return scope.membershipId;
}

function mine(scope: TerritoryScope, membershipId: string) {
  return and(eq(savedSearches.territoryId, scope.territoryId), eq(savedSearches.membershipId, membershipId));
}

export const listSavedSearches: RouteHandler<typeof r.listSavedSearches, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const items = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const rows = await scope.tx.select().from(savedSearches).where(mine(scope, membersOnly(scope))).orderBy(asc(savedSearches.createdAt), asc(savedSearches.id));
    return rows.map(savedSearchView);
  });
  return c.json({ items }, 200);
};

export const createSavedSearch: RouteHandler<typeof r.createSavedSearch, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const body = c.req.valid('json');
  return withTerritory(c.get('deps').database, { userId: user.id, slug }, idempotent(c, async (scope) => {
    const membershipId = membersOnly(scope);
    if (body.radiusKm !== undefined && !body.near) {
      throw unprocessable('near_required', 'Un rayon demande un point de départ (near : latitude et longitude).');
    }
    if (body.categoryId) {
      const [category] = await scope.tx.select({ id: categories.id }).from(categories)
        .where(and(eq(categories.territoryId, scope.territoryId), eq(categories.id, body.categoryId)));
      if (!category) throw unprocessable('category_not_found', "Cette catégorie n'existe pas dans ce territoire.");
    }
    // Serialises a member's creations so that two at once cannot both be the 20th.
    await scope.tx.execute(sql`select pg_advisory_xact_lock(hashtext('saved-searches ' || ${membershipId}::text))`);
    const [{ n }] = await scope.tx.select({ n: count() }).from(savedSearches).where(mine(scope, membershipId));
    if (Number(n) >= SAVED_SEARCH_MAX) {
      throw conflict('saved_search_limit', `Vous avez déjà ${SAVED_SEARCH_MAX} recherches enregistrées : supprimez-en une pour en ajouter une autre.`);
    }
    const [row] = await scope.tx
      .insert(savedSearches)
      .values({
        territoryId: scope.territoryId,
        id: crypto.randomUUID(),
        membershipId,
        label: body.label,
        kind: body.kind ?? null,
        categoryId: body.categoryId ?? null,
        exchangeMode: body.exchangeMode ?? null,
        q: body.q || null,
        nearLat: body.near?.lat ?? null,
        nearLon: body.near?.lon ?? null,
        radiusKm: body.near ? (body.radiusKm ?? 50) : null,
      })
      .returning();
    return c.json(savedSearchView(row), 201, { location: `/api/v1/territories/${slug}/saved-searches/${row.id}` });
  }));
};

export const deleteSavedSearch: RouteHandler<typeof r.deleteSavedSearch, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, savedSearchId } = c.req.valid('param');
  await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const deleted = await scope.tx
      .delete(savedSearches)
      .where(and(mine(scope, membersOnly(scope)), eq(savedSearches.id, savedSearchId)))
      .returning({ id: savedSearches.id });
    if (deleted.length === 0) throw notFound('saved_search_not_found', 'Cette recherche enregistrée n’existe pas (ou plus).');
  });
  return c.body(null, 204);
};

/**
 * Called by createListing in its transaction: notifies the owners of the other active
 * members' saved searches that the new listing matches (never its author).
 */
export async function notifySavedSearches(scope: TerritoryScope, listing: { id: string; kind: 'offer' | 'need'; title: string }): Promise<number> {
  const matches = rowsOf<{ saved_search_id: string; user_id: string; label: string }>(
    await scope.tx.execute(sql`select saved_search_id, user_id, label from app.saved_searches_matching(${listing.id})`),
  );
  const what = listing.kind === 'offer' ? 'Nouvelle offre' : 'Nouveau besoin';
  const link = SITE_PATHS.listing(scope.territory.slug, listing.id);
  let sent = 0;
  for (const m of matches) {
    sent += await notify(scope, [m.user_id], {
      kind: 'saved_search',
      title: `${what} pour votre recherche « ${m.label} » : ${listing.title}`,
      link,
      subjectId: listing.id,
    });
  }
  return sent;
}
