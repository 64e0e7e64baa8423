// How listings are read: one select with the category, author and organisation joined,
// filtered by territory in SQL and by row-level security underneath. Visitors get
// null authors and (for non-public listings) nothing at all, without code deciding it:
// the joined rows are simply invisible to them.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { categories, listings, memberships, organisations, users } from '../../schemas/db';
import type { TerritoryScope } from '../shared/db/tenant';

// Distance helpers live in functions/shared/listing-filters.ts (the map uses them too).
export { boundingBox, distanceKm } from '../shared/listing-filters';

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
