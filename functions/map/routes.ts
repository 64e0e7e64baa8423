import { createRoute, z } from '@hono/zod-openapi';
import { GeoJsonCollection, GeoJsonQuery, MapData, MapQuery } from '../../schemas/api';
import { ANYONE, errors, jsonResponse, SlugParam } from '../shared/http/openapi';

const tags = ['Carte'];
const slugParams = z.object({ slug: SlugParam });

export const getMap = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/map', operationId: 'getTerritoryMap', tags, security: ANYONE,
  summary: 'La carte du territoire : annonces situées et structures',
  description:
    'Mêmes filtres que la liste des offres et besoins. Une annonce sans lieu prend celui de sa structure ; sans l’un ' +
    'ni l’autre, elle est comptée dans `unplaced`. Les visiteurs ne voient que les annonces publiques ouvertes d’un ' +
    'territoire public, et la position d’un particulier y est arrondie à environ 1 km. Au plus 2 000 annonces et ' +
    '1 000 structures (`truncated`).',
  request: { params: slugParams, query: MapQuery },
  responses: { 200: jsonResponse(MapData, 'Les lieux à placer sur la carte'), ...errors(404) },
});

export const getListingsGeoJson = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/listings.geojson', operationId: 'getListingsGeoJson', tags, security: ANYONE,
  summary: 'Flux GeoJSON public des offres et besoins (pour uMap)',
  description:
    'Les annonces publiques ouvertes d’un territoire public, en GeoJSON (RFC 7946, WGS 84, [longitude, latitude]), ' +
    'sans donnée personnelle : ni nom de personne ni adresse électronique ; la position d’un particulier ou d’une ' +
    'annonce sans structure est arrondie à environ 1 km. CORS ouvert, `Last-Modified` / `If-Modified-Since` et ' +
    '`ETag` / `If-None-Match` (304), cache public de 5 minutes. Dans uMap : « Données distantes », format geojson. ' +
    'La session éventuelle est ignorée : le flux est le même pour tous.',
  request: { params: slugParams, query: GeoJsonQuery },
  responses: {
    200: {
      description: 'Une FeatureCollection',
      content: { 'application/geo+json': { schema: GeoJsonCollection } },
      headers: z.object({ 'Last-Modified': z.string(), ETag: z.string(), 'Access-Control-Allow-Origin': z.literal('*') }),
    },
    304: { description: 'Rien n’a changé depuis If-Modified-Since / If-None-Match' },
    ...errors(404),
  },
});
