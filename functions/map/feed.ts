// The public GeoJSON feed (RFC 7946) that uMap reads as « Données distantes ». It is the
// same for everyone: the session is ignored and the request runs as a visitor, so row-level
// security gives the public open listings of a public territory and nothing else (a
// private territory is 404). No person's name or email: a structure's name only when it
// is not a `particulier`, and a person's place rounded to about 1 km.
import { createHash } from 'node:crypto';
import type { RouteHandler } from '@hono/zod-openapi';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { listings, territories } from '../../schemas/db';
import { withTerritory } from '../shared/db/tenant';
import type { AppEnv } from '../shared/http/deps';
import { SITE_PATHS, siteLink } from '../shared/mail/links';
import { EXCHANGE_MODE_FR, KIND_COLOUR, KIND_FR } from './labels';
import { isPersonal, type PlacedListing, placedLat, placedListings, placedLon, roundKm } from './query';
import type * as r from './routes';

/** uMap draws a few thousand points comfortably; beyond, the newest are kept. */
export const MAX_FEED_FEATURES = 5000;

type Bbox = { minLon: number; minLat: number; maxLon: number; maxLat: number };

function inBbox(b: Bbox): SQL {
  const lat = sql`${placedLat} between ${b.minLat}::float8 and ${b.maxLat}::float8`;
  // minLon > maxLon: the box crosses the antimeridian (RFC 7946 §5.2).
  const lon = b.minLon <= b.maxLon
    ? sql`${placedLon} between ${b.minLon}::float8 and ${b.maxLon}::float8`
    : sql`(${placedLon} >= ${b.minLon}::float8 or ${placedLon} <= ${b.maxLon}::float8)`;
  return and(lat, lon)!;
}

function feature(row: PlacedListing, publicUrl: string, slug: string) {
  const vague = isPersonal(row);
  const url = siteLink(publicUrl, SITE_PATHS.listing(slug, row.id));
  const kind = KIND_FR[row.kind];
  const modes = row.exchangeModes.map((m) => EXCHANGE_MODE_FR[m]).join(', ');
  const structure = row.organisation && row.organisation.kind !== 'particulier' ? row.organisation.name : null;
  return {
    type: 'Feature' as const,
    id: row.id,
    geometry: {
      type: 'Point' as const,
      coordinates: [vague ? roundKm(row.lon) : row.lon, vague ? roundKm(row.lat) : row.lat] as [number, number],
    },
    properties: {
      name: row.title,
      kind,
      category: row.category.labelFr,
      exchangeModes: modes,
      commune: row.commune,
      structure,
      url,
      // uMap's popup: its own light markup, [[url|text]] is a link.
      description: [`${kind} · ${row.category.labelFr}`, modes, structure, row.commune, `[[${url}|Voir l’annonce]]`]
        .filter(Boolean)
        .join('\n'),
      approximate: vague,
      _umap_options: { color: KIND_COLOUR[row.kind] },
    },
  };
}

/** HTTP dates have whole seconds. */
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export const getListingsGeoJson: RouteHandler<typeof r.getListingsGeoJson, AppEnv> = async (c) => {
  const { slug } = c.req.valid('param');
  const { bbox } = c.req.valid('query');
  const { database, config } = c.get('deps');
  const { rows, territoryUpdatedAt } = await withTerritory(database, { userId: null, slug }, async (scope) => {
    // Said explicitly although row-level security already enforces it for a visitor.
    const where: SQL[] = [
      eq(listings.territoryId, scope.territoryId),
      eq(listings.visibility, 'public'),
      inArray(listings.status, ['open', 'in_progress']),
    ];
    if (bbox) where.push(inBbox(bbox));
    const placed = await placedListings(scope, where, MAX_FEED_FEATURES);
    const [territory] = await scope.tx
      .select({ updatedAt: territories.updatedAt })
      .from(territories)
      .where(eq(territories.id, scope.territoryId));
    return { rows: placed.rows, territoryUpdatedAt: territory?.updatedAt ?? new Date(0) };
  });

  const lastModified = new Date(Math.max(territoryUpdatedAt.getTime(), ...rows.map((row) => row.updatedAt.getTime())));
  const body = JSON.stringify({ type: 'FeatureCollection', features: rows.map((row) => feature(row, config.PUBLIC_URL, slug)) });
  const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = {
    'last-modified': lastModified.toUTCString(),
    etag,
    'cache-control': 'public, max-age=300',
  };
  // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2): it also notices a
  // listing that left the feed, which no remaining date can show.
  const ifNoneMatch = c.req.header('if-none-match');
  const ifModifiedSince = c.req.header('if-modified-since');
  const since = ifModifiedSince ? new Date(ifModifiedSince) : null;
  const notModified = ifNoneMatch
    ? ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*')
    : since !== null && !Number.isNaN(since.getTime()) && seconds(lastModified) <= seconds(since);
  if (notModified) return c.body(null, 304, headers) as never;
  return c.body(body, 200, { ...headers, 'content-type': 'application/geo+json; charset=utf-8' }) as never;
};
