// The territory map (GET …/map) and the public GeoJSON feed for uMap (GET …/listings.geojson).
import { z } from '@hono/zod-openapi';
import { EXCHANGE_MODES, LISTING_KINDS, LISTING_STATUSES, ORGANISATION_KINDS } from '../db/enums';
import { ListingsQuery } from './listings';

/** The list's filters, without its sort and pages: the map shows every match, up to a bound. */
export const MapQuery = ListingsQuery.omit({ sort: true, limit: true, cursor: true }).openapi('MapQuery');

const Category = z.object({ id: z.uuid(), slug: z.string(), labelFr: z.string(), labelEn: z.string() });

export const MapListing = z
  .object({
    id: z.uuid(),
    kind: z.enum(LISTING_KINDS),
    status: z.enum(LISTING_STATUSES),
    title: z.string(),
    category: Category,
    exchangeModes: z.array(z.enum(EXCHANGE_MODES)),
    commune: z.string().nullable(),
    organisation: z.object({ id: z.uuid(), name: z.string().nullable(), kind: z.enum(ORGANISATION_KINDS) }).nullable().openapi({
      description: 'Pour les visiteurs, le nom d’un particulier n’est jamais donné (null)',
    }),
    lat: z.number(),
    lon: z.number(),
    placedAt: z.enum(['listing', 'organisation']).openapi({
      description: 'listing : le lieu de l’annonce ; organisation : faute de lieu, celui de sa structure',
    }),
    approximate: z.boolean().openapi({ description: 'Position arrondie à environ 1 km (particulier ou sans structure, pour les visiteurs)' }),
  })
  .openapi('MapListing');

export const MapOrganisation = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    commune: z.string().nullable(),
    lat: z.number(),
    lon: z.number(),
  })
  .openapi('MapOrganisation');

export const MapData = z
  .object({
    listings: z.array(MapListing),
    organisations: z.array(MapOrganisation).openapi({ description: 'Les structures situées (jamais les particuliers)' }),
    unplaced: z.number().int().min(0).openapi({ description: 'Annonces correspondant aux filtres mais sans lieu (ni le leur, ni celui de leur structure)' }),
    truncated: z.boolean().openapi({ description: 'Vrai si des annonces ou des structures dépassent la limite et ne sont pas renvoyées' }),
    limits: z.object({ listings: z.number().int(), organisations: z.number().int() }),
  })
  .openapi('MapData');

const NUMBER = String.raw`-?\d{1,3}(?:\.\d{1,10})?`;
const BBOX = new RegExp(`^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$`);

/** bbox=minLon,minLat,maxLon,maxLat (RFC 7946 order); minLon > maxLon crosses the antimeridian. */
export const GeoJsonQuery = z
  .strictObject({
    bbox: z
      .string()
      .max(100)
      .regex(BBOX, { message: 'bbox=minLon,minLat,maxLon,maxLat (degrés décimaux, WGS 84)' })
      .transform((s) => {
        const [minLon, minLat, maxLon, maxLat] = s.split(',').map(Number);
        return { minLon, minLat, maxLon, maxLat };
      })
      .pipe(
        z
          .object({ minLon: z.number().min(-180).max(180), minLat: z.number().min(-90).max(90), maxLon: z.number().min(-180).max(180), maxLat: z.number().min(-90).max(90) })
          .refine((b) => b.minLat <= b.maxLat, { message: 'minLat doit être inférieure ou égale à maxLat' }),
      )
      .optional()
      .openapi({ type: 'string', description: 'Emprise : minLon,minLat,maxLon,maxLat (WGS 84)', example: '-0.5,42.8,0.6,43.5' }),
  })
  .openapi('ListingsGeoJsonQuery');

export const GeoJsonFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.uuid(),
    geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
    properties: z.object({
      name: z.string(),
      kind: z.enum(['Offre', 'Besoin']),
      category: z.string(),
      exchangeModes: z.string(),
      commune: z.string().nullable(),
      structure: z.string().nullable().openapi({ description: 'Nom de la structure, jamais celui d’un particulier' }),
      url: z.string(),
      description: z.string().openapi({ description: 'Texte de la bulle uMap, avec le lien vers l’annonce' }),
      approximate: z.boolean(),
      _umap_options: z.object({ color: z.string() }),
    }),
  })
  .openapi('ListingFeature');

export const GeoJsonCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(GeoJsonFeature),
  })
  .openapi('ListingFeatureCollection');
