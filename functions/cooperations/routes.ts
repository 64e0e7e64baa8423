import { createRoute, z } from '@hono/zod-openapi';
import {
  ConfirmCooperationBody,
  CooperationPage,
  CooperationSchema,
  CooperationsQuery,
  CreateCooperationBody,
  DisputeCooperationBody,
  TerritoryFigures,
  UpdateCooperationBody,
  WithdrawCooperationBody,
} from '../../schemas/api';
import { IdempotencyHeaders } from '../shared/http/idempotency';
import { ANYONE, errors, jsonBody, jsonResponse, SIGNED_IN, SlugParam, UuidParam } from '../shared/http/openapi';

const tags = ['Coopérations'];
const slugParams = z.object({ slug: SlugParam });
const cooperationParams = z.object({ slug: SlugParam, cooperationId: UuidParam('cooperationId') });

const ETag = z.string().openapi({ description: 'Version de la coopération, à renvoyer dans If-Match', example: '"2"' });
const IfMatch = z.object({
  'if-match': z.string().max(1000).optional().openapi({ description: 'L’ETag lu (par ex. "2")', example: '"2"' }),
});

function withETag(description: string, status: 200 | 201 = 200) {
  return {
    ...jsonResponse(CooperationSchema, description),
    headers: status === 201 ? z.object({ ETag, Location: z.string() }) : z.object({ ETag }),
  };
}

function optionalBody<T extends z.ZodType>(schema: T) {
  return { required: false, content: { 'application/json': { schema } } } as const;
}

export const createCooperation = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/cooperations', operationId: 'createCooperation', tags, security: SIGNED_IN,
  summary: 'Enregistrer une coopération (le côté de l’annonce : son auteur ou un membre de sa structure)',
  description:
    'Les partenaires (1 à 10 membres actifs, d’un autre côté que le vôtre) sont prévenus et confirment ou contestent. ' +
    'Une fois tous les partenaires d’accord, la coopération est confirmée, l’annonce passe « réalisée » et la coopération ' +
    'compte dans les chiffres du territoire.',
  request: { params: slugParams, headers: IdempotencyHeaders, body: jsonBody(CreateCooperationBody) },
  responses: { 201: withETag('Coopération enregistrée, en attente de confirmation', 201), ...errors(401, 403, 404, 409, 422) },
});

export const listCooperations = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/cooperations', operationId: 'listCooperations', tags, security: SIGNED_IN,
  summary: 'Les coopérations du territoire (les plus récentes d’abord)',
  description:
    'Les membres actifs voient les coopérations confirmées ; celles en attente, contestées ou retirées ne sont visibles ' +
    'que de leurs parties, des animateurs et des administrateurs.',
  request: { params: slugParams, query: CooperationsQuery },
  responses: { 200: jsonResponse(CooperationPage, 'Une page de coopérations'), ...errors(401, 403, 404) },
});

export const getCooperation = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/cooperations/{cooperationId}', operationId: 'getCooperation', tags, security: SIGNED_IN,
  summary: 'Lire une coopération, ses partenaires et ce que vous pouvez en faire',
  request: { params: cooperationParams },
  responses: { 200: withETag('La coopération'), ...errors(401, 404) },
});

export const updateCooperation = createRoute({
  method: 'patch', path: '/api/v1/territories/{slug}/cooperations/{cooperationId}', operationId: 'updateCooperation', tags, security: SIGNED_IN,
  summary: 'Corriger une coopération en attente ou contestée (celui qui l’a enregistrée)',
  description:
    'Exige la version lue : en-tête If-Match (412 si périmée) ou champ `version` (409 si périmée). ' +
    'Chaque partenaire est de nouveau sollicité. Une coopération confirmée ou retirée ne change plus (409 cooperation_settled).',
  request: { params: cooperationParams, headers: IfMatch, body: jsonBody(UpdateCooperationBody) },
  responses: { 200: withETag('Coopération corrigée'), ...errors(401, 403, 404, 409, 412, 422, 428) },
});

export const withdrawCooperation = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/cooperations/{cooperationId}/withdraw', operationId: 'withdrawCooperation', tags,
  security: SIGNED_IN,
  summary: 'Retirer une coopération avant sa confirmation (celui qui l’a enregistrée)',
  request: { params: cooperationParams, headers: IfMatch, body: optionalBody(WithdrawCooperationBody) },
  responses: { 200: withETag('Coopération retirée'), ...errors(401, 403, 404, 409, 412) },
});

export const confirmCooperation = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/cooperations/{cooperationId}/confirm', operationId: 'confirmCooperation', tags,
  security: SIGNED_IN,
  summary: 'Confirmer une coopération (un partenaire, pour lui-même ou sa structure)',
  request: { params: cooperationParams, body: optionalBody(ConfirmCooperationBody) },
  responses: { 200: withETag('Confirmation enregistrée'), ...errors(401, 403, 404, 409) },
});

export const disputeCooperation = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/cooperations/{cooperationId}/dispute', operationId: 'disputeCooperation', tags,
  security: SIGNED_IN,
  summary: 'Contester une coopération, avec un message (un partenaire)',
  request: { params: cooperationParams, body: jsonBody(DisputeCooperationBody) },
  responses: { 200: withETag('Contestation enregistrée'), ...errors(401, 403, 404, 409) },
});

export const territoryFigures = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/figures', operationId: 'territoryFigures', tags, security: ANYONE,
  summary: 'Les chiffres du territoire, à partir des coopérations confirmées',
  description:
    'Des totaux seulement, jamais de nom. Visibles de tous pour un territoire public, des membres actifs pour un territoire privé.',
  request: { params: slugParams },
  responses: { 200: jsonResponse(TerritoryFigures, 'Les chiffres'), ...errors(404) },
});
