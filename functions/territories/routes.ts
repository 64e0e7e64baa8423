import { createRoute, z } from '@hono/zod-openapi';
import {
  AuditEntry,
  CategorySchema,
  CreateCategoryBody,
  CreatedTerritory,
  CreateTerritoryBody,
  DirectoryQuery,
  PageQuery,
  TerritorySchema,
  TerritorySummary,
  UpdateCategoryBody,
  UpdateTerritoryBody,
} from '../../schemas/api';
import { ANYONE, errors, jsonBody, jsonResponse, SIGNED_IN, SlugParam, UuidParam } from '../shared/http/openapi';
import { IdempotencyHeaders } from '../shared/http/idempotency';

const tags = ['Territoires'];
const slugParams = z.object({ slug: SlugParam });

export const createTerritory = createRoute({
  method: 'post', path: '/api/v1/territories', operationId: 'createTerritory', tags, security: ANYONE,
  summary: 'Créer un territoire et son premier administrateur',
  description: "Connecté, vous devenez administrateur. Sinon, fournissez `admin` : le compte est créé et connecté.",
  request: { headers: IdempotencyHeaders, body: jsonBody(CreateTerritoryBody) },
  responses: { 201: jsonResponse(CreatedTerritory, 'Territoire créé'), ...errors(401, 409, 422, 429) },
});

export const listTerritories = createRoute({
  method: 'get', path: '/api/v1/territories', operationId: 'listPublicTerritories', tags, security: ANYONE,
  summary: 'Annuaire des territoires publics',
  request: { query: DirectoryQuery },
  responses: {
    200: jsonResponse(z.object({ items: z.array(TerritorySummary), nextCursor: z.string().nullable() }), 'Territoires publics'),
    ...errors(),
  },
});

export const getTerritory = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}', operationId: 'getTerritory', tags, security: ANYONE,
  summary: "Lire un territoire (sa présentation et sa charte)",
  request: { params: slugParams },
  responses: { 200: jsonResponse(TerritorySchema, 'Le territoire'), ...errors(404) },
});

export const updateTerritory = createRoute({
  method: 'patch', path: '/api/v1/territories/{slug}', operationId: 'updateTerritory', tags, security: SIGNED_IN,
  summary: 'Modifier les réglages du territoire (administrateurs)',
  request: { params: slugParams, body: jsonBody(UpdateTerritoryBody) },
  responses: { 200: jsonResponse(TerritorySchema, 'Territoire modifié'), ...errors(401, 403, 404) },
});

export const listCategories = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/categories', operationId: 'listCategories', tags, security: ANYONE,
  summary: 'Les catégories de ressources du territoire',
  request: { params: slugParams, query: z.strictObject({ includeArchived: z.enum(['true', 'false']).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(CategorySchema) }), 'Catégories'), ...errors(404) },
});

export const createCategory = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/categories', operationId: 'createCategory', tags, security: SIGNED_IN,
  summary: 'Ajouter une catégorie (administrateurs)',
  request: { params: slugParams, headers: IdempotencyHeaders, body: jsonBody(CreateCategoryBody) },
  responses: { 201: jsonResponse(CategorySchema, 'Catégorie créée'), ...errors(401, 403, 404, 409, 422) },
});

export const updateCategory = createRoute({
  method: 'patch', path: '/api/v1/territories/{slug}/categories/{categoryId}', operationId: 'updateCategory', tags, security: SIGNED_IN,
  summary: 'Renommer, ordonner ou archiver une catégorie (administrateurs)',
  request: { params: z.object({ slug: SlugParam, categoryId: UuidParam('categoryId') }), body: jsonBody(UpdateCategoryBody) },
  responses: { 200: jsonResponse(CategorySchema, 'Catégorie modifiée'), ...errors(401, 403, 404) },
});

export const listAuditLog = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/audit-log', operationId: 'listAuditLog', tags, security: SIGNED_IN,
  summary: "Journal des actions d'administration et d'animation",
  request: { params: slugParams, query: PageQuery },
  responses: {
    200: jsonResponse(z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() }), 'Entrées du journal'),
    ...errors(401, 403, 404),
  },
});

// The logo: raw image bytes, never JSON (see `rawBodies` in index.ts and logo.ts).
const binary = z.string().openapi({ format: 'binary' });
// maxLength documents the limit in bytes (512 KiB, LOGO_MAX_BYTES in logo.ts); the bytes are checked by the handler.
const upload = z.string().max(512 * 1024).openapi({ format: 'binary' });
const imageContent = { 'image/png': { schema: binary }, 'image/jpeg': { schema: binary }, 'image/webp': { schema: binary } };
const imageUpload = { 'image/png': { schema: upload }, 'image/jpeg': { schema: upload }, 'image/webp': { schema: upload } };

export const putTerritoryLogo = createRoute({
  method: 'put', path: '/api/v1/territories/{slug}/logo', operationId: 'putTerritoryLogo', tags, security: SIGNED_IN,
  summary: 'Déposer ou remplacer le logo du territoire (administrateurs)',
  description: "Le corps est l'image elle-même : PNG, JPEG ou WebP, 512 Kio au plus (`logo_too_large`). Le SVG est refusé (`logo_type_unsupported`), comme un fichier dont le contenu ne correspond pas au type annoncé.",
  request: { params: slugParams, body: { required: true, content: imageUpload } },
  responses: { 200: jsonResponse(TerritorySchema, 'Logo enregistré'), ...errors(401, 403, 404) },
});

export const deleteTerritoryLogo = createRoute({
  method: 'delete', path: '/api/v1/territories/{slug}/logo', operationId: 'deleteTerritoryLogo', tags, security: SIGNED_IN,
  summary: 'Retirer le logo du territoire (administrateurs)',
  request: { params: slugParams },
  responses: { 200: jsonResponse(TerritorySchema, 'Logo retiré'), ...errors(401, 403, 404) },
});

export const getTerritoryLogo = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/logo', operationId: 'getTerritoryLogo', tags, security: ANYONE,
  summary: 'Le logo du territoire (image)',
  description: '`logoUrl` du territoire donne cette adresse avec `v`, la version du logo : elle change à chaque nouveau logo.',
  request: {
    params: slugParams,
    query: z.strictObject({ v: z.string().max(40).optional().openapi({ description: 'Version du logo (ignorée, sert aux caches)' }) }),
  },
  responses: {
    200: { description: 'Le logo', content: imageContent },
    304: { description: "Inchangé depuis l'ETag envoyé (If-None-Match)" },
    ...errors(404),
  },
});
