import type { RouteHandler } from '@hono/zod-openapi';
import { listings } from '../../schemas/db';
import { requireUser } from '../shared/auth/middleware';
import { withTerritory } from '../shared/db/tenant';
import type { AppEnv } from '../shared/http/deps';
import { idempotent } from '../shared/http/idempotency';
import { notifyStrongMatches } from '../shared/matching';
import { forbidden, unauthorized } from '../shared/http/problems';
import { listingNotFound } from './guarded-update';
import { etag } from './preconditions';
import { notifySavedSearches } from '../notifications/saved-searches';
import { findListing } from './query';
import { checkCategory, checkCoherence, checkOrganisation, representedOrganisation } from './rules';
import { searchListings } from './search';
import { listingView } from './views';
import type * as r from './routes';

export { closeListing, reopenListing, updateListing } from './changes';

export const createListing: RouteHandler<typeof r.createListing, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const body = c.req.valid('json');
  return withTerritory(c.get('deps').database, { userId: user.id, slug }, idempotent(c, async (scope) => {
    if (!scope.membershipId) {
      throw forbidden('members_only', 'Seuls les membres actifs du territoire publient des offres et des besoins.');
    }
    const fields = {
      quantity: body.quantity ?? null,
      unit: body.unit ?? null,
      availableFrom: body.availableFrom ?? null,
      availableUntil: body.availableUntil ?? null,
      lat: body.lat ?? null,
      lon: body.lon ?? null,
    };
    checkCoherence(fields);
    await checkCategory(scope, body.categoryId);
    if (body.organisationId) await checkOrganisation(scope, body.organisationId);
    const organisationId = body.organisationId === undefined ? await representedOrganisation(scope) : body.organisationId;
    const id = crypto.randomUUID();
    await scope.tx.insert(listings).values({
      territoryId: scope.territoryId,
      id,
      kind: body.kind,
      categoryId: body.categoryId,
      title: body.title,
      description: body.description,
      ...fields,
      quantity: fields.quantity === null ? null : String(fields.quantity),
      exchangeModes: body.exchangeModes,
      commune: body.commune ?? null,
      visibility: body.visibility,
      authorMembershipId: scope.membershipId,
      organisationId,
    });
    await notifyStrongMatches(scope, id, slug);
    await notifySavedSearches(scope, { id, kind: body.kind, title: body.title });
    const row = await findListing(scope, id);
    if (!row) throw listingNotFound();
    const view = listingView(row, scope);
    return c.json(view, 201, { etag: etag(view.version), location: `/api/v1/territories/${slug}/listings/${view.id}` });
  }));
};

export const listListings: RouteHandler<typeof r.listListings, AppEnv> = async (c) => {
  const { slug } = c.req.valid('param');
  const filters = c.req.valid('query');
  const user = c.get('user');
  if (filters.mine === 'true' && !user) throw unauthorized('unauthenticated', 'Connectez-vous pour voir vos offres et besoins.');
  const page = await withTerritory(c.get('deps').database, { userId: user?.id, slug }, async (scope) => {
    const { rows, nextCursor } = await searchListings(scope, filters);
    return { items: rows.map((row) => listingView(row, scope)), nextCursor };
  });
  return c.json(page, 200);
};

export const getListing: RouteHandler<typeof r.getListing, AppEnv> = async (c) => {
  const { slug, listingId } = c.req.valid('param');
  const view = await withTerritory(c.get('deps').database, { userId: c.get('user')?.id, slug }, async (scope) => {
    const row = await findListing(scope, listingId);
    if (!row) throw listingNotFound();
    return listingView(row, scope);
  });
  return c.json(view, 200, { etag: etag(view.version) });
};
