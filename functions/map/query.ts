// Where each listing goes on a map: its own place, or else its structure's (an address
// registered once serves every listing of a hospital or a farm). Listings with neither
// are counted, not drawn. One select, filtered by territory in SQL and by row-level
// security underneath: visitors only get the public open listings of a public territory,
// and only the structures behind them.
import { and, eq, isNotNull, ne, type SQL, sql } from 'drizzle-orm';
import { categories, listings, organisations } from '../../schemas/db';
import type { TerritoryScope } from '../shared/db/tenant';

const ownPlace = and(isNotNull(listings.lat), isNotNull(listings.lon))!;
const organisationPlace = and(isNotNull(organisations.lat), isNotNull(organisations.lon))!;

export const placedLat = sql<number | null>`case when ${ownPlace} then ${listings.lat} when ${organisationPlace} then ${organisations.lat} end`;
export const placedLon = sql<number | null>`case when ${ownPlace} then ${listings.lon} when ${organisationPlace} then ${organisations.lon} end`;
export const isPlaced = sql`(${ownPlace} or ${organisationPlace})`;

function joined(scope: TerritoryScope, fields: Parameters<TerritoryScope['tx']['select']>[0]) {
  return scope.tx
    .select(fields)
    .from(listings)
    .innerJoin(categories, and(eq(categories.territoryId, listings.territoryId), eq(categories.id, listings.categoryId)))
    .leftJoin(organisations, and(eq(organisations.territoryId, listings.territoryId), eq(organisations.id, listings.organisationId)));
}

/** Placed listings matching `where`, newest first, at most `limit` (+1 to know it was cut). */
export async function placedListings(scope: TerritoryScope, where: SQL[], limit: number) {
  const rows = await scope.tx
    .select({
      id: listings.id,
      kind: listings.kind,
      status: listings.status,
      title: listings.title,
      exchangeModes: listings.exchangeModes,
      commune: listings.commune,
      updatedAt: listings.updatedAt,
      category: { id: categories.id, slug: categories.slug, labelFr: categories.labelFr, labelEn: categories.labelEn },
      organisation: { id: organisations.id, name: organisations.name, kind: organisations.kind },
      ownPlace: sql<boolean>`${ownPlace}`,
      lat: sql<number>`${placedLat}`.mapWith(Number),
      lon: sql<number>`${placedLon}`.mapWith(Number),
    })
    .from(listings)
    .innerJoin(categories, and(eq(categories.territoryId, listings.territoryId), eq(categories.id, listings.categoryId)))
    .leftJoin(organisations, and(eq(organisations.territoryId, listings.territoryId), eq(organisations.id, listings.organisationId)))
    .where(and(...where, isPlaced))
    .orderBy(sql`${listings.createdAt} desc`, sql`${listings.id} desc`)
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), truncated: rows.length > limit };
}

export type PlacedListing = Awaited<ReturnType<typeof placedListings>>['rows'][number];

/** How many listings matching `where` have no place at all. */
export async function countUnplaced(scope: TerritoryScope, where: SQL[]): Promise<number> {
  const [row] = await joined(scope, { n: sql<number>`count(*)::int` }).where(and(...where, sql`not ${isPlaced}`));
  return Number(row?.n ?? 0);
}

/** Placed structures the caller may see, by name; never a `particulier` (a person's home). */
export async function placedOrganisations(scope: TerritoryScope, limit: number) {
  const rows = await scope.tx
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      commune: organisations.commune,
      lat: organisations.lat,
      lon: organisations.lon,
    })
    .from(organisations)
    .where(and(eq(organisations.territoryId, scope.territoryId), organisationPlace, ne(organisations.kind, 'particulier')))
    .orderBy(organisations.name, organisations.id)
    .limit(limit + 1);
  return {
    rows: rows.slice(0, limit).map((o) => ({ ...o, lat: o.lat!, lon: o.lon! })),
    truncated: rows.length > limit,
  };
}

/** ~1 km: where a person lives stays vague (2 decimals of a degree). */
export const roundKm = (degrees: number) => Math.round(degrees * 100) / 100;

/** A person's listing (a `particulier`, or no structure at all) is placed approximately for outsiders. */
export const isPersonal = (row: Pick<PlacedListing, 'organisation'>) => !row.organisation || row.organisation.kind === 'particulier';
