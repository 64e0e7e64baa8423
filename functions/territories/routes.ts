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
