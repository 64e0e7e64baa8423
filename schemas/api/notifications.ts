// Notifications in the site, how often each kind is emailed, one-click unsubscribe and
// saved searches (« préviens-moi quand une offre de véhicules apparaît à moins de 20 km »).
import { z } from '@hono/zod-openapi';
import { EXCHANGE_MODES, LISTING_KINDS, NOTIFICATION_FREQUENCIES, NOTIFICATION_KINDS } from '../db/enums';
import { Latitude, Longitude, requiredText, Timestamp } from './common';

export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS).openapi('NotificationKind');
export const NotificationFrequencySchema = z.enum(NOTIFICATION_FREQUENCIES).openapi('NotificationFrequency');

export const NotificationsQuery = z
  .strictObject({
    unread: z.enum(['true', 'false']).optional().openapi({ description: 'Seulement les non lues' }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(400).optional().openapi({ description: 'Curseur renvoyé par la page précédente' }),
  })
  .openapi('NotificationsQuery');

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: NotificationKindSchema,
    title: z.string(),
    body: z.string(),
    link: z.string().openapi({ description: 'Chemin de la page concernée sur le site', example: '/t/coeur-de-bigorre/annonces/…' }),
    subjectId: z.uuid().nullable(),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
  })
  .openapi('Notification');

export const NotificationPage = z
  .object({
    items: z.array(NotificationSchema),
    nextCursor: z.string().nullable(),
    unreadCount: z.number().int().openapi({ description: 'Nombre total de notifications non lues dans ce territoire' }),
  })
  .openapi('NotificationPage');

export const UnreadCount = z.object({ unreadCount: z.number().int() }).openapi('UnreadNotificationCount');

export const MarkNotificationsReadBody = z
  .strictObject({
    ids: z.array(z.uuid()).min(1).max(100).optional().openapi({ description: 'Sans `ids` : toutes mes notifications du territoire' }),
  })
  .openapi('MarkNotificationsReadRequest');

export const MarkedRead = z.object({ marked: z.number().int(), unreadCount: z.number().int() }).openapi('MarkedNotificationsRead');

export const NotificationPreferences = z
  .object({
    preferences: z.object(
      Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, NotificationFrequencySchema])) as Record<
        (typeof NOTIFICATION_KINDS)[number],
        typeof NotificationFrequencySchema
      >,
    ),
  })
  .openapi('NotificationPreferences');

export const UpdateNotificationPreferencesBody = z
  .strictObject({
    preferences: z
      .strictObject(
        Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, NotificationFrequencySchema.optional()])) as Record<
          (typeof NOTIFICATION_KINDS)[number],
          z.ZodOptional<typeof NotificationFrequencySchema>
        >,
      )
      .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'au moins un type de notification' }),
  })
  .openapi('UpdateNotificationPreferencesRequest');

export const UnsubscribeQuery = z
  .strictObject({ token: z.string().regex(/^[a-z2-7]{16,64}$/, { message: 'lien de désabonnement invalide' }) })
  .openapi('UnsubscribeQuery');

export const UnsubscribeLink = z
  .object({
    kinds: z.array(NotificationKindSchema),
    email: z.string().openapi({ description: 'L’adresse concernée, masquée', example: 'm…@example.fr' }),
  })
  .openapi('UnsubscribeLink');

export const UnsubscribeResult = z
  .object({ unsubscribed: z.array(NotificationKindSchema) })
  .openapi('UnsubscribeResult');

export const SAVED_SEARCH_MAX = 20;

export const CreateSavedSearchBody = z
  .strictObject({
    label: requiredText(120, 2).openapi({ example: 'Véhicules à moins de 20 km' }),
    kind: z.enum(LISTING_KINDS).optional(),
    categoryId: z.uuid().optional(),
    exchangeMode: z.enum(EXCHANGE_MODES).optional(),
    q: requiredText(200).optional().openapi({ description: 'Mots recherchés (français, accents ignorés)' }),
    near: z.strictObject({ lat: Latitude, lon: Longitude }).optional(),
    radiusKm: z.number().min(1).max(200).optional().openapi({ description: 'Rayon autour de `near` (1–200 km, 50 par défaut)' }),
  })
  .openapi('CreateSavedSearchRequest');

export const SavedSearchSchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    kind: z.enum(LISTING_KINDS).nullable(),
    categoryId: z.uuid().nullable(),
    exchangeMode: z.enum(EXCHANGE_MODES).nullable(),
    q: z.string().nullable(),
    near: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    radiusKm: z.number().nullable(),
    createdAt: Timestamp,
    lastNotifiedAt: Timestamp.nullable(),
  })
  .openapi('SavedSearch');

export const SavedSearchList = z.object({ items: z.array(SavedSearchSchema) }).openapi('SavedSearchList');
