import type { RouteHandler } from '@hono/zod-openapi';
import { withTerritory } from '../shared/db/tenant';
import type { AppEnv } from '../shared/http/deps';
import { distanceKm, listingConditions } from '../shared/listing-filters';
import { unauthorized } from '../shared/http/problems';
import { countUnplaced, isPersonal, placedListings, placedOrganisations, roundKm } from './query';
import type * as r from './routes';

export { getListingsGeoJson } from './feed';

/** Bounds of one map answer: enough for a territory, small enough for a phone. */
export const MAX_LISTINGS = 2000;
export const MAX_ORGANISATIONS = 1000;

export const getMap: RouteHandler<typeof r.getMap, AppEnv> = async (c) => {
  const { slug } = c.req.valid('param');
  const filters = c.req.valid('query');
  const user = c.get('user');
  if (filters.mine === 'true' && !user) throw unauthorized('unauthenticated', 'Connectez-vous pour voir vos offres et besoins.');
  const data = await withTerritory(c.get('deps').database, { userId: user?.id, slug }, async (scope) => {
    const where = listingConditions(scope, filters, filters.near ? distanceKm(filters.near.lat, filters.near.lon) : undefined);
    // One transaction, one connection: the three reads run one after the other.
    const placed = await placedListings(scope, where, MAX_LISTINGS);
    const unplaced = await countUnplaced(scope, where);
    const organisations = await placedOrganisations(scope, MAX_ORGANISATIONS);
    // Members know each other; outsiders get a person's place to about 1 km, never their name.
    const outsider = scope.role === null;
    return {
      listings: placed.rows.map((row) => {
        const vague = outsider && isPersonal(row);
        const org = row.organisation;
        return {
          id: row.id,
          kind: row.kind,
          status: row.status,
          title: row.title,
          category: row.category,
          exchangeModes: row.exchangeModes,
          commune: row.commune,
          organisation: org ? { ...org, name: outsider && org.kind === 'particulier' ? null : org.name } : null,
          lat: vague ? roundKm(row.lat) : row.lat,
          lon: vague ? roundKm(row.lon) : row.lon,
          placedAt: row.ownPlace ? ('listing' as const) : ('organisation' as const),
          approximate: vague,
        };
      }),
      organisations: organisations.rows,
      unplaced,
      truncated: placed.truncated || organisations.truncated,
      limits: { listings: MAX_LISTINGS, organisations: MAX_ORGANISATIONS },
    };
  });
  return c.json(data, 200);
};
