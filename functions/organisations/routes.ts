import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateOrganisationBody,
  OrganisationListQuery,
  OrganisationMember,
  OrganisationPage,
  OrganisationSchema,
  UpdateOrganisationBody,
} from '../../schemas/api';
import { ANYONE, errors, jsonBody, jsonResponse, SIGNED_IN, SlugParam, UuidParam } from '../shared/http/openapi';
import { IdempotencyHeaders } from '../shared/http/idempotency';

const tags = ['Structures'];
const slugParams = z.object({ slug: SlugParam });
const organisationParams = z.object({ slug: SlugParam, organisationId: UuidParam('organisationId') });

export const createOrganisation = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/organisations', operationId: 'createOrganisation', tags, security: SIGNED_IN,
  summary: 'Enregistrer une structure (membres actifs)',
  description:
    'Entreprise, association, collectivité, établissement de santé, exploitation agricole… Le SIRET, facultatif, est vérifié par sa clé. ' +
    'Si vous ne représentez encore aucune structure, vous représentez désormais celle-ci.',
  request: { params: slugParams, headers: IdempotencyHeaders, body: jsonBody(CreateOrganisationBody) },
  responses: { 201: jsonResponse(OrganisationSchema, 'Structure enregistrée'), ...errors(401, 403, 404, 409, 422) },
});

export const listOrganisations = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/organisations', operationId: 'listOrganisations', tags, security: ANYONE,
  summary: 'Les structures du territoire, par ordre alphabétique',
  description: 'Les membres actifs voient toutes les structures ; les visiteurs, celles qui portent des annonces publiques ouvertes.',
  request: { params: slugParams, query: OrganisationListQuery },
  responses: { 200: jsonResponse(OrganisationPage, 'Structures'), ...errors(404) },
});

export const getOrganisation = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/organisations/{organisationId}', operationId: 'getOrganisation', tags, security: ANYONE,
  summary: 'Lire une structure',
  request: { params: organisationParams },
  responses: { 200: jsonResponse(OrganisationSchema, 'La structure'), ...errors(404) },
});

export const updateOrganisation = createRoute({
  method: 'patch', path: '/api/v1/territories/{slug}/organisations/{organisationId}', operationId: 'updateOrganisation', tags, security: SIGNED_IN,
  summary: 'Modifier une structure (ses représentants, son créateur, les administrateurs et animateurs)',
  request: { params: organisationParams, body: jsonBody(UpdateOrganisationBody) },
  responses: { 200: jsonResponse(OrganisationSchema, 'Structure modifiée'), ...errors(401, 403, 404, 409) },
});

export const listOrganisationMembers = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/organisations/{organisationId}/members', operationId: 'listOrganisationMembers', tags, security: ANYONE,
  summary: 'Les membres actifs qui représentent la structure',
  description: 'Visibles des membres actifs du territoire seulement ; un visiteur reçoit une liste vide.',
  request: { params: organisationParams },
  responses: { 200: jsonResponse(z.object({ items: z.array(OrganisationMember) }), 'Représentants'), ...errors(404) },
});
