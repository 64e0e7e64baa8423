import { createRoute, z } from '@hono/zod-openapi';
import {
  ConversationPage,
  ConversationRead,
  ConversationSchema,
  ConversationMessage,
  ConversationsQuery,
  RespondBody,
  SendMessageBody,
  UnreadConversations,
} from '../../schemas/api';
import { IdempotencyHeaders } from '../shared/http/idempotency';
import { errors, jsonBody, jsonResponse, SIGNED_IN, SlugParam, UuidParam } from '../shared/http/openapi';

const tags = ['Mises en relation'];
const slugParams = z.object({ slug: SlugParam });
const listingParams = z.object({ slug: SlugParam, listingId: UuidParam('listingId') });
const conversationParams = z.object({ slug: SlugParam, conversationId: UuidParam('conversationId') });

export const respondToListing = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/listings/{listingId}/responses', operationId: 'respondToListing', tags,
  security: SIGNED_IN,
  summary: '« Je peux aider » / « Ça m’intéresse » : ouvrir une conversation privée avec l’auteur d’une annonce',
  description:
    'Une seule conversation par annonce et par personne qui répond : répondre à nouveau ajoute le message à la ' +
    'conversation existante (200) ; une nouvelle conversation répond 201 avec Location. Refusé sur sa propre annonce ' +
    '(ou celle de sa structure, 409 own_listing) et sur une annonce qui n’est plus ouverte (409 listing_not_open). ' +
    'L’auteur et sa structure sont notifiés.',
  request: { params: listingParams, headers: IdempotencyHeaders, body: jsonBody(RespondBody) },
  responses: {
    200: jsonResponse(ConversationSchema, 'La conversation existante, avec le nouveau message'),
    201: { ...jsonResponse(ConversationSchema, 'Conversation ouverte'), headers: z.object({ Location: z.string() }) },
    ...errors(401, 403, 404, 409, 422),
  },
});

export const listConversations = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/conversations', operationId: 'listConversations', tags, security: SIGNED_IN,
  summary: 'Mes conversations, la plus récemment active d’abord',
  description:
    'Les conversations dont je suis l’un des côtés (moi ou la structure que je représente) ; pour les animateurs et ' +
    'administrateurs, toutes celles du territoire s’il l’a permis. Tri : dernier message, du plus récent au plus ancien.',
  request: { params: slugParams, query: ConversationsQuery },
  responses: { 200: jsonResponse(ConversationPage, 'Une page de conversations'), ...errors(401, 403, 404) },
});

export const countUnread = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/conversations/unread', operationId: 'countUnreadConversations', tags,
  security: SIGNED_IN,
  summary: 'Nombre de messages non lus (pour le menu)',
  request: { params: slugParams },
  responses: { 200: jsonResponse(UnreadConversations, 'Les messages non lus'), ...errors(401, 403, 404) },
});

export const getConversation = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/conversations/{conversationId}', operationId: 'getConversation', tags,
  security: SIGNED_IN,
  summary: 'Lire une conversation et ses messages',
  description: 'Seuls ses deux côtés (et, si le territoire l’a permis, ses animateurs et administrateurs) la voient ; pour les autres, 404.',
  request: { params: conversationParams },
  responses: { 200: jsonResponse(ConversationSchema, 'La conversation'), ...errors(401, 403, 404) },
});

export const sendMessage = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/conversations/{conversationId}/messages', operationId: 'sendConversationMessage',
  tags, security: SIGNED_IN,
  summary: 'Écrire dans une conversation (ses deux côtés)',
  description:
    'L’autre côté est notifié. Le premier message du côté de l’auteur sur une annonce ouverte la fait passer « en cours ». ' +
    'Un animateur qui lit seulement ne peut pas écrire (403 not_participant).',
  request: { params: conversationParams, headers: IdempotencyHeaders, body: jsonBody(SendMessageBody) },
  responses: {
    201: jsonResponse(ConversationMessage, 'Message envoyé'),
    ...errors(401, 403, 404, 409, 422),
  },
});

export const markRead = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/conversations/{conversationId}/read', operationId: 'markConversationRead', tags,
  security: SIGNED_IN,
  summary: 'Marquer une conversation comme lue jusqu’à maintenant',
  request: { params: conversationParams },
  responses: { 200: jsonResponse(ConversationRead, 'Conversation lue'), ...errors(401, 403, 404) },
});
