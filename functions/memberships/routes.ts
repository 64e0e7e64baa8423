import { createRoute, z } from '@hono/zod-openapi';
import {
  DecisionBody,
  JoinTerritoryBody,
  MembershipListQuery,
  MembershipPage,
  MembershipSchema,
  UpdateMembershipBody,
} from '../../schemas/api';
import { errors, jsonBody, jsonResponse, SIGNED_IN, SlugParam, UuidParam } from '../shared/http/openapi';
import { IdempotencyHeaders } from '../shared/http/idempotency';

export * from './invitation-routes';

const tags = ['Adhésions'];
const slugParams = z.object({ slug: SlugParam });
const membershipParams = z.object({ slug: SlugParam, membershipId: UuidParam('membershipId') });

export const joinTerritory = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/memberships', operationId: 'joinTerritory', tags, security: SIGNED_IN,
  summary: 'Demander à rejoindre un territoire (en acceptant sa charte)',
  description:
    "Politique « open » : adhésion active tout de suite. « approval » : demande en attente, les administrateurs et animateurs sont prévenus par e-mail. « invitation » : 403 `invitation_only`. " +
    '`acceptCharter` doit valoir `true` (sinon 422 `charter_not_accepted`).',
  request: { params: slugParams, headers: IdempotencyHeaders, body: jsonBody(JoinTerritoryBody) },
  responses: { 201: jsonResponse(MembershipSchema, 'Adhésion créée (active ou en attente)'), ...errors(401, 403, 404, 409, 422, 429) },
});

export const listMemberships = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/memberships', operationId: 'listMemberships', tags, security: SIGNED_IN,
  summary: 'Les membres du territoire (et les demandes en attente pour les animateurs)',
  description:
    'Du plus récent au plus ancien (date de la demande). Les administrateurs et animateurs voient tous les statuts, les e-mails et les messages ; ' +
    'les membres actifs voient les membres actifs seulement.',
  request: { params: slugParams, query: MembershipListQuery },
  responses: { 200: jsonResponse(MembershipPage, 'Adhésions'), ...errors(401, 403, 404) },
});

export const getMyMembership = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/memberships/me', operationId: 'getMyMembership', tags, security: SIGNED_IN,
  summary: 'Mon adhésion à ce territoire (quel que soit son statut)',
  request: { params: slugParams },
  responses: { 200: jsonResponse(MembershipSchema, 'Mon adhésion'), ...errors(401, 404) },
});

export const leaveTerritory = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/memberships/me/leave', operationId: 'leaveTerritory', tags, security: SIGNED_IN,
  summary: 'Quitter le territoire (ou retirer ma demande)',
  description: 'Le dernier administrateur ne peut pas partir : 409 `last_admin`.',
  request: { params: slugParams },
  responses: { 200: jsonResponse(MembershipSchema, 'Adhésion terminée'), ...errors(401, 404, 409) },
});

const decision = (action: 'approve' | 'reject' | 'suspend', operationId: string, summary: string, description: string) =>
  createRoute({
    method: 'post', path: `/api/v1/territories/{slug}/memberships/{membershipId}/${action}`, operationId, tags, security: SIGNED_IN,
    summary, description,
    request: { params: membershipParams, body: { ...jsonBody(DecisionBody), required: false } },
    responses: { 200: jsonResponse(MembershipSchema, 'Décision enregistrée'), ...errors(401, 403, 404, 409, 429) },
  });

export const approveMembership = decision('approve', 'approveMembership', 'Accepter une demande ou réactiver une adhésion suspendue',
  'Administrateurs et animateurs. En attente ou suspendue → active ; sinon 409 `invalid_transition`. La personne est prévenue par e-mail.');
export const rejectMembership = decision('reject', 'rejectMembership', "Refuser une demande d'adhésion",
  'Administrateurs et animateurs. En attente → refusée ; sinon 409 `invalid_transition`. La personne est prévenue par e-mail.');
export const suspendMembership = decision('suspend', 'suspendMembership', 'Suspendre un membre',
  'Administrateurs et animateurs (un animateur ne suspend pas un administrateur). Active → suspendue ; sinon 409 `invalid_transition`.');

export const updateMembership = createRoute({
  method: 'patch', path: '/api/v1/territories/{slug}/memberships/{membershipId}', operationId: 'updateMembership', tags, security: SIGNED_IN,
  summary: "Changer le rôle d'un membre, ou choisir la structure que je représente",
  description:
    '`role` : administrateurs (tout rôle) et animateurs (pas le rôle administrateur), sur l’adhésion d’une autre personne. ' +
    '`organisationId` : sur ma propre adhésion, une structure de ce territoire (ou null).',
  request: { params: membershipParams, body: jsonBody(UpdateMembershipBody) },
  responses: { 200: jsonResponse(MembershipSchema, 'Adhésion modifiée'), ...errors(401, 403, 404, 409, 422, 429) },
});
