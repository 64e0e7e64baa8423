import { createRoute, z } from '@hono/zod-openapi';
import {
  CloseListingBody,
  CreateListingBody,
  ListingPage,
  ListingSchema,
  ListingsQuery,
  ReopenListingBody,
  UpdateListingBody,
} from '../../schemas/api';
import { ANYONE, errors, jsonBody, jsonResponse, SIGNED_IN, SlugParam, UuidParam } from '../shared/http/openapi';
import { IdempotencyHeaders } from '../shared/http/idempotency';

const tags = ['Offres et besoins'];
const slugParams = z.object({ slug: SlugParam });
const listingParams = z.object({ slug: SlugParam, listingId: UuidParam('listingId') });

const ETag = z.string().openapi({ description: 'Version de l’annonce, à renvoyer dans If-Match', example: '"3"' });
const IfMatch = z.object({
  'if-match': z.string().max(1000).optional().openapi({ description: 'L’ETag lu (par ex. "3")', example: '"3"' }),
});

function withETag(description: string, status: 200 | 201 = 200) {
  return {
    ...jsonResponse(ListingSchema, description),
    headers: status === 201 ? z.object({ ETag, Location: z.string() }) : z.object({ ETag }),
  };
}

/** A body that may be left out entirely (close and reopen have sensible defaults). */
function optionalBody<T extends z.ZodType>(schema: T) {
  return { required: false, content: { 'application/json': { schema } } } as const;
}

export const createListing = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/listings', operationId: 'createListing', tags, security: SIGNED_IN,
  summary: 'Publier une offre ou un besoin (membres actifs)',
  description: 'La structure par défaut est celle que représente l’auteur. Visibilité par défaut : membres du territoire.',
  request: { params: slugParams, headers: IdempotencyHeaders, body: jsonBody(CreateListingBody) },
  responses: { 201: withETag('Annonce publiée', 201), ...errors(401, 403, 404, 409, 422) },
});

export const listListings = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/listings', operationId: 'listListings', tags, security: ANYONE,
  summary: 'Parcourir et chercher les offres et besoins',
  description:
    'Tri explicite, jamais de classement par popularité. Les visiteurs ne voient que les annonces publiques ouvertes ' +
    'd’un territoire public. La recherche `q` est en français et ignore les accents ; `near` + `radiusKm` limite à un ' +
    'rayon (distance orthodromique) et ajoute `distanceKm` à chaque annonce.',
  request: { params: slugParams, query: ListingsQuery },
  responses: { 200: jsonResponse(ListingPage, 'Une page d’annonces'), ...errors(401, 404) },
});

export const getListing = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/listings/{listingId}', operationId: 'getListing', tags, security: ANYONE,
  summary: 'Lire une offre ou un besoin',
  request: { params: listingParams },
  responses: { 200: withETag('L’annonce'), ...errors(404) },
});

export const updateListing = createRoute({
  method: 'patch', path: '/api/v1/territories/{slug}/listings/{listingId}', operationId: 'updateListing', tags, security: SIGNED_IN,
  summary: 'Modifier une offre ou un besoin (auteur, animateurs, administrateurs)',
  description: 'Exige la version lue : en-tête If-Match (412 si périmée) ou champ `version` (409 si périmée).',
  request: { params: listingParams, headers: IfMatch, body: jsonBody(UpdateListingBody) },
  responses: { 200: withETag('Annonce modifiée'), ...errors(401, 403, 404, 409, 412, 422, 428) },
});

export const closeListing = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/listings/{listingId}/close', operationId: 'closeListing', tags, security: SIGNED_IN,
  summary: 'Clore une offre ou un besoin (réalisé ou abandonné)',
  description: 'If-Match ou `version` sont facultatifs ici ; s’ils sont fournis, ils sont vérifiés. Clore deux fois ne change rien.',
  request: { params: listingParams, headers: IfMatch, body: optionalBody(CloseListingBody) },
  responses: { 200: withETag('Annonce close'), ...errors(401, 403, 404, 409, 412) },
});

export const reopenListing = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/listings/{listingId}/reopen', operationId: 'reopenListing', tags, security: SIGNED_IN,
  summary: 'Rouvrir une offre ou un besoin',
  description: 'Refusé (409 listing_ended) si la date de fin de disponibilité est passée : prolongez-la d’abord.',
  request: { params: listingParams, headers: IfMatch, body: optionalBody(ReopenListingBody) },
  responses: { 200: withETag('Annonce rouverte'), ...errors(401, 403, 404, 409, 412) },
});
