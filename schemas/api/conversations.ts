// Responses to listings and the private conversations they open (« mise en relation »).
// A conversation has two sides: the listing's author (and the structure the listing
// names) and the responder (and the structure they represent).
import { z } from '@hono/zod-openapi';
import { LISTING_KINDS, LISTING_STATUSES } from '../db/enums';
import { requiredText, Timestamp } from './common';

const MessageText = requiredText(4000).openapi({
  description: 'Le message (1 à 4 000 caractères)',
  example: 'Bonjour, nous avons un fourgon libre le samedi : voulez-vous en parler ?',
});

export const RespondBody = z
  .strictObject({ body: MessageText })
  .openapi('RespondRequest');

export const SendMessageBody = z.strictObject({ body: MessageText }).openapi('SendMessageRequest');

export const ConversationsQuery = z
  .strictObject({
    listingId: z.uuid().optional().openapi({ description: 'Seulement les conversations de cette annonce' }),
    scope: z.enum(['mine', 'territory']).default('mine').openapi({
      description:
        'mine : celles dont je suis l’un des côtés ; territory : toutes celles que je peux lire (animateurs et ' +
        'administrateurs, si le territoire le permet)',
    }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(400).optional().openapi({ description: 'Curseur renvoyé par la page précédente' }),
  })
  .openapi('ConversationsQuery');

export const CONVERSATION_SIDES = ['author', 'responder'] as const;

const Side = z
  .object({
    membershipId: z.uuid(),
    name: z.string(),
    organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .openapi('ConversationSide');

export const ConversationSummary = z
  .object({
    id: z.uuid(),
    listing: z.object({ id: z.uuid(), title: z.string(), kind: z.enum(LISTING_KINDS), status: z.enum(LISTING_STATUSES) }),
    /** The listing's side and the responder's side. */
    author: Side,
    responder: Side,
    mySide: z.enum(CONVERSATION_SIDES).nullable().openapi({
      description: 'Mon côté de la conversation ; null pour un animateur ou un administrateur qui la lit seulement',
    }),
    lastMessage: z
      .object({ excerpt: z.string(), authorName: z.string(), createdAt: Timestamp })
      .nullable(),
    unread: z.number().int().min(0).openapi({ description: 'Messages des autres arrivés depuis ma dernière lecture' }),
    lastMessageAt: Timestamp,
    createdAt: Timestamp,
  })
  .openapi('ConversationSummary');

export const ConversationPage = z
  .object({ items: z.array(ConversationSummary), nextCursor: z.string().nullable() })
  .openapi('ConversationPage');

export const ConversationMessage = z
  .object({
    id: z.uuid(),
    body: z.string(),
    createdAt: Timestamp,
    author: z.object({ membershipId: z.uuid(), name: z.string() }),
    side: z.enum(CONVERSATION_SIDES),
    mine: z.boolean(),
  })
  .openapi('ConversationMessage');

export const ConversationSchema = ConversationSummary.extend({
  messages: z.array(ConversationMessage).openapi({ description: 'Du plus ancien au plus récent' }),
  canWrite: z.boolean().openapi({ description: 'Vrai pour les deux côtés ; faux pour un animateur qui lit seulement' }),
}).openapi('Conversation');

export const UnreadConversations = z
  .object({
    unread: z.number().int().min(0).openapi({ description: 'Messages non lus, toutes conversations confondues' }),
    conversations: z.number().int().min(0).openapi({ description: 'Conversations ayant au moins un message non lu' }),
  })
  .openapi('UnreadConversations');

export const ConversationRead = z
  .object({ conversationId: z.uuid(), lastReadAt: Timestamp, unread: z.literal(0) })
  .openapi('ConversationRead');
