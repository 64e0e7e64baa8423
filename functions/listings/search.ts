// The list of listings: filters, one explicit sort, keyset pagination. No engagement
// ranking (PRODUCT.md): full-text search filters, it never reorders. A cursor holds the
// sort, the last row's sort key and id, and a fingerprint of the filters, so it is only
// accepted by the query that produced it.
import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { and, type SQL, sql } from 'drizzle-orm';
import type { ListingsQuery } from '../../schemas/api';
import { listings } from '../../schemas/db';
import type { TerritoryScope } from '../shared/db/tenant';
import { decodeCursor, encodeCursor } from '../shared/http/cursor';
import { badRequest } from '../shared/http/problems';
import { distanceKm, listingConditions, radiusOf } from '../shared/listing-filters';
import { type ListingRow, selectListings } from './query';

export type ListingsFilters = z.output<typeof ListingsQuery>;

const MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

interface Sort {
  key: z.ZodType<string | number | null>;
  keyOf(row: ListingRow): string | number | null;
  order: SQL[];
  after(key: string | number | null, id: string): SQL;
}

function sorts(distance: SQL<number> | undefined): Record<ListingsFilters['sort'], Sort> {
  const { availableUntil: until, id } = listings;
  return {
    newest: {
      key: z.string().regex(MICROS),
      keyOf: (row) => row.createdKey,
      order: [sql`${listings.createdAt} desc`, sql`${id} desc`],
      after: (key, last) => sql`(${listings.createdAt}, ${id}) < (${key}::timestamptz, ${last}::uuid)`,
    },
    ending_soon: {
      key: z.iso.date().nullable(),
      keyOf: (row) => row.listing.availableUntil,
      order: [sql`${until} asc nulls last`, sql`${id} asc`],
      after: (key, last) =>
        key === null
          ? sql`(${until} is null and ${id} > ${last}::uuid)`
          : sql`(${until} > ${key}::date or (${until} = ${key}::date and ${id} > ${last}::uuid) or ${until} is null)`,
    },
    nearest: {
      key: z.number().finite().min(0),
      keyOf: (row) => row.distanceKm,
      order: [sql`${distance} asc`, sql`${id} asc`],
      after: (key, last) => sql`(${distance}, ${id}) > (${key}::float8, ${last}::uuid)`,
    },
  };
}

function fingerprint(filters: ListingsFilters, radiusKm: number | undefined): string {
  const { cursor: _cursor, limit: _limit, ...rest } = filters;
  return createHash('sha256').update(JSON.stringify({ ...rest, radiusKm })).digest('base64url').slice(0, 16);
}

export async function searchListings(scope: TerritoryScope, filters: ListingsFilters) {
  const { near, sort: sortName, limit } = filters;
  if (sortName === 'nearest' && !near) throw badRequest('near_required', 'Le tri « nearest » demande un point : near=latitude,longitude.');
  const radiusKm = radiusOf(filters);
  const distance = near ? distanceKm(near.lat, near.lon) : undefined;
  const sort = sorts(distance)[sortName];
  const print = fingerprint(filters, radiusKm);
  const after = decodeCursor(filters.cursor, z.tuple([z.literal(sortName), sort.key, z.uuid(), z.literal(print)]));

  // Always the territory of the path, and row-level security underneath as the backstop.
  const where: SQL[] = listingConditions(scope, filters, distance);
  if (after) where.push(sort.after(after[1], after[2]));

  const rows = await selectListings(scope, distance)
    .where(and(...where))
    .orderBy(...sort.order)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor([sortName, sort.keyOf(last), last.listing.id, print]) : null;
  return { rows: page, nextCursor };
}
