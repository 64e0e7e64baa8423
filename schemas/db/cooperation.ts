// Cooperating, not just posting: a response to a listing opens a private conversation
// between the responder (and their structure) and the listing's author (and theirs);
// what was then exchanged is recorded as a cooperation that the partners confirm.
// Who may read what is decided by row-level security (migration 0013).
import {
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './accounts';
import { cooperationStatus, exchangeMode, partnerStatus } from './enums';
import { listings } from './listings';
import { organisations } from './organisations';
import { memberships, territories } from './territories';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** One per (listing, responder): « Je peux aider » / « Ça m'intéresse ». */
export const conversations = pgTable(
  'conversations',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    listingId: uuid('listing_id').notNull(),
    /** The listing's author when the conversation opened, and the structure they represented. */
    authorMembershipId: uuid('author_membership_id').notNull(),
    authorOrganisationId: uuid('author_organisation_id'),
    responderMembershipId: uuid('responder_membership_id').notNull(),
    responderOrganisationId: uuid('responder_organisation_id'),
    lastMessageAt: ts('last_message_at').notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: 'conversations_pkey', columns: [t.territoryId, t.id] }),
    unique('conversations_listing_responder_key').on(t.territoryId, t.listingId, t.responderMembershipId),
    foreignKey({ name: 'conversations_listing_fkey', columns: [t.territoryId, t.listingId], foreignColumns: [listings.territoryId, listings.id] }).onDelete('cascade'),
    foreignKey({ name: 'conversations_author_fkey', columns: [t.territoryId, t.authorMembershipId], foreignColumns: [memberships.territoryId, memberships.id] }),
    foreignKey({ name: 'conversations_responder_fkey', columns: [t.territoryId, t.responderMembershipId], foreignColumns: [memberships.territoryId, memberships.id] }),
    foreignKey({ name: 'conversations_author_organisation_fkey', columns: [t.territoryId, t.authorOrganisationId], foreignColumns: [organisations.territoryId, organisations.id] }),
    foreignKey({ name: 'conversations_responder_organisation_fkey', columns: [t.territoryId, t.responderOrganisationId], foreignColumns: [organisations.territoryId, organisations.id] }),
    index('conversations_author_idx').on(t.territoryId, t.authorMembershipId, t.lastMessageAt),
    index('conversations_responder_idx').on(t.territoryId, t.responderMembershipId, t.lastMessageAt),
    index('conversations_author_organisation_idx').on(t.territoryId, t.authorOrganisationId),
    index('conversations_responder_organisation_idx').on(t.territoryId, t.responderOrganisationId),
  ],
);

export const conversationMessages = pgTable(
  'conversation_messages',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    authorMembershipId: uuid('author_membership_id').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'conversation_messages_pkey', columns: [t.territoryId, t.id] }),
    foreignKey({
      name: 'conversation_messages_conversation_fkey',
      columns: [t.territoryId, t.conversationId],
      foreignColumns: [conversations.territoryId, conversations.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'conversation_messages_author_fkey', columns: [t.territoryId, t.authorMembershipId], foreignColumns: [memberships.territoryId, memberships.id] }),
    index('conversation_messages_thread_idx').on(t.territoryId, t.conversationId, t.createdAt),
  ],
);

/** Read state: up to when each participant has read a conversation (unread counts). */
export const conversationReads = pgTable(
  'conversation_reads',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    lastReadAt: ts('last_read_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'conversation_reads_pkey', columns: [t.territoryId, t.conversationId, t.membershipId] }),
    foreignKey({
      name: 'conversation_reads_conversation_fkey',
      columns: [t.territoryId, t.conversationId],
      foreignColumns: [conversations.territoryId, conversations.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'conversation_reads_membership_fkey', columns: [t.territoryId, t.membershipId], foreignColumns: [memberships.territoryId, memberships.id] }),
  ],
);

/** What was exchanged, recorded by the listing's side; counts once every partner confirmed. */
export const cooperations = pgTable(
  'cooperations',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    listingId: uuid('listing_id').notNull(),
    conversationId: uuid('conversation_id'),
    recordedByMembershipId: uuid('recorded_by_membership_id').notNull(),
    recordedByOrganisationId: uuid('recorded_by_organisation_id'),
    summary: text('summary').notNull(),
    exchangeMode: exchangeMode('exchange_mode').notNull(),
    quantity: numeric('quantity', { precision: 12, scale: 2 }),
    unit: text('unit'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    /** Optional impact figures, as the partners state them. */
    kmAvoided: numeric('km_avoided', { precision: 12, scale: 1 }),
    kgSaved: numeric('kg_saved', { precision: 12, scale: 1 }),
    eurosSaved: numeric('euros_saved', { precision: 12, scale: 2 }),
    skillHours: numeric('skill_hours', { precision: 10, scale: 1 }),
    status: cooperationStatus('status').notNull().default('proposed'),
    confirmedAt: ts('confirmed_at'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: 'cooperations_pkey', columns: [t.territoryId, t.id] }),
    foreignKey({ name: 'cooperations_listing_fkey', columns: [t.territoryId, t.listingId], foreignColumns: [listings.territoryId, listings.id] }).onDelete('cascade'),
    foreignKey({ name: 'cooperations_conversation_fkey', columns: [t.territoryId, t.conversationId], foreignColumns: [conversations.territoryId, conversations.id] }).onDelete('cascade'),
    foreignKey({ name: 'cooperations_recorder_fkey', columns: [t.territoryId, t.recordedByMembershipId], foreignColumns: [memberships.territoryId, memberships.id] }),
    foreignKey({ name: 'cooperations_recorder_organisation_fkey', columns: [t.territoryId, t.recordedByOrganisationId], foreignColumns: [organisations.territoryId, organisations.id] }),
    index('cooperations_listing_idx').on(t.territoryId, t.listingId),
    index('cooperations_status_idx').on(t.territoryId, t.status, t.createdAt),
  ],
);

/** A partner of a cooperation: a member (and the structure they represent) who confirms or disputes. */
export const cooperationPartners = pgTable(
  'cooperation_partners',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    cooperationId: uuid('cooperation_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    organisationId: uuid('organisation_id'),
    status: partnerStatus('status').notNull().default('pending'),
    message: text('message').notNull().default(''),
    decidedAt: ts('decided_at'),
    decidedByMembershipId: uuid('decided_by_membership_id'),
  },
  (t) => [
    primaryKey({ name: 'cooperation_partners_pkey', columns: [t.territoryId, t.cooperationId, t.membershipId] }),
    foreignKey({
      name: 'cooperation_partners_cooperation_fkey',
      columns: [t.territoryId, t.cooperationId],
      foreignColumns: [cooperations.territoryId, cooperations.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'cooperation_partners_membership_fkey', columns: [t.territoryId, t.membershipId], foreignColumns: [memberships.territoryId, memberships.id] }),
    foreignKey({ name: 'cooperation_partners_organisation_fkey', columns: [t.territoryId, t.organisationId], foreignColumns: [organisations.territoryId, organisations.id] }),
    foreignKey({ name: 'cooperation_partners_decided_by_fkey', columns: [t.territoryId, t.decidedByMembershipId], foreignColumns: [memberships.territoryId, memberships.id] }),
    index('cooperation_partners_membership_idx').on(t.territoryId, t.membershipId),
    index('cooperation_partners_organisation_idx').on(t.territoryId, t.organisationId),
  ],
);
