// How listings are read: one select with the category, author and organisation joined,
// filtered by territory in SQL and by row-level security underneath. Visitors get
// null authors and (for non-public listings) nothing at all, without code deciding it:
// the joined rows are simply invisible to them.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { categories, listings, memberships, organisations, users } from '../../schemas/db';
import type { TerritoryScope } from '../shared/db/tenant';

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle (haversine) distance in km from a point to the listing, computed in SQL. */
export function distanceKm(lat: number, lon: number): SQL<number> {
  return sql<number>`(${2 * EARTH_RADIUS_KM} * asin(least(1, sqrt(
    power(sin(radians(${listings.lat} - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(${listings.lat}))
      * power(sin(radians(${listings.lon} - ${lon}::float8) / 2), 2)))))`;
}

/**
 * A cheap rectangle around the circle, so the location index prunes rows before the
 * haversine runs. Near the poles or across the antimeridian the longitude bound is
 * dropped rather than risk cutting real neighbours.
 */
export function boundingBox(lat: number, lon: number, radiusKm: number): SQL {
  const dLat = radiusKm / 111.32;
  const filters = [sql`${listings.lat} between ${lat - dLat}::float8 and ${lat + dLat}::float8`];
  const cosLat = Math.cos((lat * Math.PI) / 180);
  const dLon = cosLat > 0.01 ? radiusKm / (111.32 * cosLat) : 360;
  if (lon - dLon >= -180 && lon + dLon <= 180) {
    filters.push(sql`${listings.lon} between ${lon - dLon}::float8 and ${lon + dLon}::float8`);
  } else {
    filters.push(sql`${listings.lon} is not null`);
  }
  return and(...filters)!;
}

/**
 * created_at to the microsecond, as text: a JS Date keeps milliseconds only, and a
 * cursor rounded to the millisecond would skip or repeat rows created in the same one.
 */
export const createdKey = sql<string>`to_char(${listings.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function selectListings(scope: TerritoryScope, distance?: SQL<number>) {
  return scope.tx
    .select({
      listing: listings,
      category: { id: categories.id, slug: categories.slug, labelFr: categories.labelFr, labelEn: categories.labelEn },
      authorName: users.name,
      organisation: { id: organisations.id, name: organisations.name, kind: organisations.kind },
      createdKey,
      distanceKm: distance ?? sql<number | null>`null::float8`,
    })
    .from(listings)
    .innerJoin(categories, and(eq(categories.territoryId, listings.territoryId), eq(categories.id, listings.categoryId)))
    .leftJoin(memberships, and(eq(memberships.territoryId, listings.territoryId), eq(memberships.id, listings.authorMembershipId)))
    .leftJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisations, and(eq(organisations.territoryId, listings.territoryId), eq(organisations.id, listings.organisationId)))
    .$dynamic();
}

export type ListingRow = Awaited<ReturnType<ReturnType<typeof selectListings>['execute']>>[number];

/** One listing of the scope's territory, as the caller may see it. */
export async function findListing(scope: TerritoryScope, listingId: string): Promise<ListingRow | undefined> {
  const [row] = await selectListings(scope).where(and(eq(listings.territoryId, scope.territoryId), eq(listings.id, listingId)));
  return row;
}
