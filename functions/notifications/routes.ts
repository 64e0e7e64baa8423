import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateSavedSearchBody,
  MarkedRead,
  MarkNotificationsReadBody,
  NotificationPage,
  NotificationPreferences,
  NotificationsQuery,
  SavedSearchList,
  SavedSearchSchema,
  UnreadCount,
  UnsubscribeLink,
  UnsubscribeQuery,
  UnsubscribeResult,
  UpdateNotificationPreferencesBody,
} from '../../schemas/api';
import { IdempotencyHeaders } from '../shared/http/idempotency';
import { ANYONE, errors, jsonBody, jsonResponse, SIGNED_IN, SlugParam, UuidParam } from '../shared/http/openapi';

const tags = ['Notifications'];
const searchTags = ['Recherches enregistrées'];
const slugParams = z.object({ slug: SlugParam });

export const listNotifications = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/notifications', operationId: 'listNotifications', tags, security: SIGNED_IN,
  summary: 'Mes notifications dans ce territoire, les plus récentes d’abord',
  request: { params: slugParams, query: NotificationsQuery },
  responses: { 200: jsonResponse(NotificationPage, 'Une page de notifications et le nombre de non lues'), ...errors(401, 404) },
});

export const countUnreadNotifications = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/notifications/unread-count', operationId: 'countUnreadNotifications', tags,
  security: SIGNED_IN,
  summary: 'Le nombre de mes notifications non lues (pastille de la cloche)',
  request: { params: slugParams },
  responses: { 200: jsonResponse(UnreadCount, 'Nombre de non lues'), ...errors(401, 404) },
});

export const markNotificationsRead = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/notifications/read', operationId: 'markNotificationsRead', tags,
  security: SIGNED_IN,
  summary: 'Marquer comme lues mes notifications (toutes, ou celles données)',
  request: { params: slugParams, body: jsonBody(MarkNotificationsReadBody) },
  responses: { 200: jsonResponse(MarkedRead, 'Notifications marquées comme lues'), ...errors(401, 404) },
});

export const getNotificationPreferences = createRoute({
  method: 'get', path: '/api/v1/me/notification-preferences', operationId: 'getNotificationPreferences', tags, security: SIGNED_IN,
  summary: 'À quelle fréquence je reçois chaque type de notification par e-mail',
  description: 'immediately : aussitôt ; daily : résumé du jour (après 7 h) ; weekly : résumé du lundi ; never : jamais (la notification reste visible sur le site).',
  responses: { 200: jsonResponse(NotificationPreferences, 'Mes préférences'), ...errors(401) },
});

export const updateNotificationPreferences = createRoute({
  method: 'put', path: '/api/v1/me/notification-preferences', operationId: 'updateNotificationPreferences', tags, security: SIGNED_IN,
  summary: 'Choisir la fréquence des e-mails, type par type',
  description: 'Les types absents du corps gardent leur réglage.',
  request: { body: jsonBody(UpdateNotificationPreferencesBody) },
  responses: { 200: jsonResponse(NotificationPreferences, 'Mes préférences'), ...errors(401) },
});

export const getUnsubscribeLink = createRoute({
  method: 'get', path: '/api/v1/unsubscribe', operationId: 'getUnsubscribeLink', tags, security: ANYONE,
  summary: 'Ce qu’un lien de désabonnement arrêterait (ne change rien)',
  description: 'Un GET ne désabonne jamais : les logiciels qui suivent les liens des e-mails ne doivent rien changer.',
  request: { query: UnsubscribeQuery },
  responses: { 200: jsonResponse(UnsubscribeLink, 'Les types d’e-mails concernés'), ...errors(404, 429) },
});

const OneClick = z.object({ 'List-Unsubscribe': z.literal('One-Click') }).openapi('OneClickUnsubscribe');

export const unsubscribe = createRoute({
  method: 'post', path: '/api/v1/unsubscribe', operationId: 'unsubscribe', tags, security: ANYONE,
  summary: 'Se désabonner en un clic (RFC 8058)',
  description:
    'Le jeton du lien d’e-mail suffit : pas de connexion, pas de contrôle d’origine. Corps `List-Unsubscribe=One-Click` ' +
    '(application/x-www-form-urlencoded ou multipart/form-data). Les types de notifications de l’e-mail passent à « jamais ». ' +
    'Lien inconnu ou expiré (90 jours) : 404 `unsubscribe_link_not_found`.',
  request: {
    query: UnsubscribeQuery,
    body: {
      required: true,
      content: { 'application/x-www-form-urlencoded': { schema: OneClick }, 'multipart/form-data': { schema: OneClick } },
    },
  },
  responses: { 200: jsonResponse(UnsubscribeResult, 'Désabonné'), ...errors(404, 429) },
});

export const listSavedSearches = createRoute({
  method: 'get', path: '/api/v1/territories/{slug}/saved-searches', operationId: 'listSavedSearches', tags: searchTags,
  security: SIGNED_IN,
  summary: 'Mes recherches enregistrées dans ce territoire',
  request: { params: slugParams },
  responses: { 200: jsonResponse(SavedSearchList, 'Mes recherches'), ...errors(401, 403, 404) },
});

export const createSavedSearch = createRoute({
  method: 'post', path: '/api/v1/territories/{slug}/saved-searches', operationId: 'createSavedSearch', tags: searchTags,
  security: SIGNED_IN,
  summary: 'Être prévenu des nouvelles annonces qui correspondent à ces filtres (membres actifs, 20 au plus)',
  description: 'Mêmes filtres que la liste des annonces. Chaque nouvelle annonce d’un autre membre qui correspond crée une notification « saved_search ».',
  request: { params: slugParams, headers: IdempotencyHeaders, body: jsonBody(CreateSavedSearchBody) },
  responses: { 201: jsonResponse(SavedSearchSchema, 'Recherche enregistrée'), ...errors(401, 403, 404, 409, 422) },
});

export const deleteSavedSearch = createRoute({
  method: 'delete', path: '/api/v1/territories/{slug}/saved-searches/{savedSearchId}', operationId: 'deleteSavedSearch',
  tags: searchTags, security: SIGNED_IN,
  summary: 'Supprimer une de mes recherches enregistrées',
  request: { params: z.object({ slug: SlugParam, savedSearchId: UuidParam('savedSearchId') }) },
  responses: { 204: { description: 'Supprimée' }, ...errors(401, 403, 404) },
});
