// Editing, closing and reopening a listing. All three go through guardedUpdate, so they
// share the 404 / 403 / 412-409 rules and never lose a concurrent change.
import type { RouteHandler } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../shared/db/client';
import { withTerritory } from '../shared/db/tenant';
import { requireUser } from '../shared/auth/middleware';
import type { AppEnv } from '../shared/http/deps';
import { conflict } from '../shared/http/problems';
import { guardedUpdate, type ListingChanges } from './guarded-update';
import { etag, type Expectation, parseIfMatch, requirePrecondition } from './preconditions';
import { checkCategory, checkCoherence, checkOrganisation } from './rules';
import { listingView } from './views';
import type * as r from './routes';

export const updateListing: RouteHandler<typeof r.updateListing, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, listingId } = c.req.valid('param');
  const { version, ...changes } = c.req.valid('json');
  const expect: Expectation = { ifMatch: parseIfMatch(c.req.valid('header')['if-match']), version };
  requirePrecondition(expect);
  const view = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const row = await guardedUpdate(scope, listingId, {
      expect,
      audit: 'listing.updated',
      async change(current) {
        checkCoherence({
          quantity: changes.quantity !== undefined ? changes.quantity : current.quantity,
          unit: changes.unit !== undefined ? changes.unit : current.unit,
          availableFrom: changes.availableFrom !== undefined ? changes.availableFrom : current.availableFrom,
          availableUntil: changes.availableUntil !== undefined ? changes.availableUntil : current.availableUntil,
          lat: changes.lat !== undefined ? changes.lat : current.lat,
          lon: changes.lon !== undefined ? changes.lon : current.lon,
        });
        if (changes.categoryId && changes.categoryId !== current.categoryId) await checkCategory(scope, changes.categoryId);
        if (changes.organisationId && changes.organisationId !== current.organisationId) {
          await checkOrganisation(scope, changes.organisationId);
        }
        const { quantity, ...rest } = changes;
        const set: ListingChanges = { ...rest };
        if (quantity !== undefined) set.quantity = quantity === null ? null : String(quantity);
        return set;
      },
    });
    return listingView(row, scope);
  });
  return c.json(view, 200, { etag: etag(view.version) });
};

export const closeListing: RouteHandler<typeof r.closeListing, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, listingId } = c.req.valid('param');
  const body = c.req.valid('json') as { status?: 'fulfilled' | 'closed'; version?: number };
  const status = body.status ?? 'closed';
  const expect: Expectation = { ifMatch: parseIfMatch(c.req.valid('header')['if-match']), version: body.version };
  const view = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const row = await guardedUpdate(scope, listingId, {
      expect,
      audit: 'listing.closed',
      // Closing twice with the same outcome changes nothing (a retried request is harmless);
      // switching between fulfilled and closed is allowed.
      change: (current) => (current.status === status ? undefined : { status }),
    });
    return listingView(row, scope);
  });
  return c.json(view, 200, { etag: etag(view.version) });
};

export const reopenListing: RouteHandler<typeof r.reopenListing, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, listingId } = c.req.valid('param');
  const body = c.req.valid('json') as { version?: number };
  const expect: Expectation = { ifMatch: parseIfMatch(c.req.valid('header')['if-match']), version: body.version };
  const view = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const row = await guardedUpdate(scope, listingId, {
      expect,
      audit: 'listing.reopened',
      async change(current) {
        if (current.status === 'open') return undefined;
        if (current.availableUntil) {
          // The database's date, not the function's clock: one notion of "today" for everyone.
          const [ended] = rowsOf<{ ended: boolean }>(
            await scope.tx.execute(sql`select ${current.availableUntil}::date < current_date as ended`),
          );
          if (ended?.ended) {
            throw conflict('listing_ended', 'La disponibilité de cette annonce est terminée : prolongez la date de fin avant de la rouvrir.', {
              availableUntil: current.availableUntil,
            });
          }
        }
        return { status: 'open' };
      },
    });
    return listingView(row, scope);
  });
  return c.json(view, 200, { etag: etag(view.version) });
};
