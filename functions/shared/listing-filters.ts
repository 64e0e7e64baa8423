// The filters of the listing list (kind, category, status, exchange modes, structure,
// author, mine, French full-text, distance), as SQL conditions. Shared by the list
// (functions/listings) and the map (functions/map), so both show the same listings for
// the same filters. Row-level security still decides what the caller may see.
import type { z } from '@hono/zod-openapi';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ListingsQuery } from '../../schemas/api';
import { categories, listings } from '../../schemas/db';
import type { TerritoryScope } from './db/tenant';
import { badRequest } from './http/problems';

export type ListingFilterFields = Omit<z.output<typeof ListingsQuery>, 'sort' | 'limit' | 'cursor'>;

export const DEFAULT_RADIUS_KM = 50;
const DEFAULT_STATUSES = ['open', 'in_progress'] as const;

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

/** The radius actually applied (only with `near`); radiusKm without near is refused. */
export function radiusOf(filters: Pick<ListingFilterFields, 'near' | 'radiusKm'>): number | undefined {
  if (filters.radiusKm !== undefined && !filters.near) throw badRequest('near_required', 'radiusKm demande un point : near=latitude,longitude.');
  return filters.near ? (filters.radiusKm ?? DEFAULT_RADIUS_KM) : undefined;
}

/**
 * The conditions of the filters, always starting with the territory of the path. The
 * query must join categories (for `category`). `distance` is distanceKm(near) when near is set.
 */
export function listingConditions(scope: TerritoryScope, filters: ListingFilterFields, distance?: SQL<number>): SQL[] {
  const where: SQL[] = [eq(listings.territoryId, scope.territoryId)];
  if (filters.status !== 'all') where.push(inArray(listings.status, filters.status ?? [...DEFAULT_STATUSES]));
  if (filters.kind) where.push(eq(listings.kind, filters.kind));
  if (filters.categoryId) where.push(eq(listings.categoryId, filters.categoryId));
  if (filters.category) where.push(eq(categories.slug, filters.category));
  if (filters.exchangeMode) {
    where.push(sql`${listings.exchangeModes} && array[${sql.join(filters.exchangeMode.map((m) => sql`${m}`), sql`, `)}]::exchange_mode[]`);
  }
  if (filters.organisationId) where.push(eq(listings.organisationId, filters.organisationId));
  if (filters.authorMembershipId) where.push(eq(listings.authorMembershipId, filters.authorMembershipId));
  if (filters.mine === 'true') {
    where.push(scope.membershipId ? eq(listings.authorMembershipId, scope.membershipId) : sql`false`);
  }
  const q = filters.q?.trim();
  if (q) {
    // Under RLS, `@@` cannot use the GIN index (it is not leakproof); this function finds
    // the ids through it (migration 0004) and the policies still filter the rows here.
    where.push(sql`${listings.id} in (select app.listing_ids_matching(${q}))`);
  }
  const radiusKm = radiusOf(filters);
  if (filters.near && distance && radiusKm) {
    where.push(boundingBox(filters.near.lat, filters.near.lon, radiusKm), sql`${distance} <= ${radiusKm}::float8`);
  }
  return where;
}
