import { createRoute, z } from '@hono/zod-openapi';
import {
  AcceptInvitationBody,
  CreateInvitationBody,
  InvitationPage,
  InvitationSchema,
  MembershipSchema,
  PageQuery,
} from '../../schemas/api';
import { errors, jsonBody, jsonResponse, SIGNED_IN, SlugParam, UuidParam } from '../shared/http/openapi';
import { IdempotencyHeaders } from '../shared/http/idempotency';

const tags = ['Invitations'];
const slugParams = z.object({ slug: SlugParam });

export const createInvitation = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/invitations', operationId: 'createInvitation', tags, security: SIGNED_IN,
  summary: 'Inviter une personne par e-mail (administrateurs et animateurs)',
  description:
    "Envoie un lien valable 14 jours. Les animateurs invitent des membres ou des animateurs ; seuls les administrateurs invitent des administrateurs. " +
    "Limité à 5 invitations par heure et par personne qui invite.",
  request: { params: slugParams, headers: IdempotencyHeaders, body: jsonBody(CreateInvitationBody) },
  responses: { 201: jsonResponse(InvitationSchema, 'Invitation envoyée'), ...errors(401, 403, 404, 409, 422, 429) },
});

export const listInvitations = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/invitations', operationId: 'listInvitations', tags, security: SIGNED_IN,
  summary: 'Les invitations pas encore acceptées (administrateurs et animateurs)',
  description: 'De la plus récente à la plus ancienne ; les invitations expirées sont marquées `expired`.',
  request: { params: slugParams, query: PageQuery },
  responses: { 200: jsonResponse(InvitationPage, 'Invitations en cours'), ...errors(401, 403, 404) },
});

export const revokeInvitation = createRoute({
  method: 'delete', path: '/api/v1/territories/{slug}/invitations/{invitationId}', operationId: 'revokeInvitation', tags, security: SIGNED_IN,
  summary: 'Annuler une invitation (administrateurs et animateurs)',
  request: { params: z.object({ slug: SlugParam, invitationId: UuidParam('invitationId') }) },
  responses: { 204: { description: 'Invitation annulée' }, ...errors(401, 403, 404, 409) },
});

export const acceptInvitation = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/invitations/accept', operationId: 'acceptInvitation', tags, security: SIGNED_IN,
  summary: 'Accepter une invitation (avec le jeton reçu par e-mail)',
  description:
    "La personne connectée devient membre avec le rôle de l'invitation, y compris dans un territoire privé. " +
    'Un jeton inconnu, déjà utilisé ou expiré : 404 `invitation_not_found`.',
  request: { params: slugParams, body: jsonBody(AcceptInvitationBody) },
  responses: { 200: jsonResponse(MembershipSchema, 'Invitation acceptée : adhésion active'), ...errors(401, 404, 409) },
});
