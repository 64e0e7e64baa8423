// Telling people what happened: in-app notifications (a tenant table: each belongs to one
// person in one territory), how often each kind is emailed (per person, every territory),
// one-click unsubscribe tokens (stored hashed), saved searches, and which digests were sent.
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { exchangeMode, listingKind, notificationFrequency, notificationKind } from './enums';
import { categories, memberships, territories } from './territories';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const notifications = pgTable(
  'notifications',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    /** French sentence shown in the list and the email ("Marie Dupuy peut vous aider : …"). */
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Path on the site, relative to its root ("/t/coeur-de-bigorre/conversations/…"). */
    link: text('link').notNull(),
    /** What it is about, so that repeats can be recognised (a listing, a conversation…). */
    subjectId: uuid('subject_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
    /** When it was emailed, or judged not to be (preference "never"); null = still to handle. */
    emailedAt: ts('emailed_at'),
  },
  (t) => [
    primaryKey({ name: 'notifications_pkey', columns: [t.territoryId, t.id] }),
    index('notifications_recipient_idx').on(t.territoryId, t.userId, t.createdAt),
    index('notifications_unemailed_idx').on(t.userId).where(sql`emailed_at IS NULL`),
  ],
);

/** Per person and kind; a missing row means the kind's default (app.default_frequency). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    frequency: notificationFrequency('frequency').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'notification_preferences_pkey', columns: [t.userId, t.kind] })],
);

/** The link of List-Unsubscribe: its token is stored as a SHA-256 hash, like sessions. */
export const unsubscribeTokens = pgTable(
  'unsubscribe_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The kinds the email carried; unsubscribing sets them all to "never". */
    kinds: notificationKind('kinds').array().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('unsubscribe_tokens_user_idx').on(t.userId)],
);

/** « Préviens-moi quand une offre de véhicules apparaît à moins de 20 km ». */
export const savedSearches = pgTable(
  'saved_searches',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    label: text('label').notNull(),
    kind: listingKind('kind'),
    categoryId: uuid('category_id'),
    exchangeMode: exchangeMode('exchange_mode'),
    q: text('q'),
    nearLat: doublePrecision('near_lat'),
    nearLon: doublePrecision('near_lon'),
    radiusKm: doublePrecision('radius_km'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastNotifiedAt: ts('last_notified_at'),
  },
  (t) => [
    primaryKey({ name: 'saved_searches_pkey', columns: [t.territoryId, t.id] }),
    foreignKey({ name: 'saved_searches_membership_fkey', columns: [t.territoryId, t.membershipId], foreignColumns: [memberships.territoryId, memberships.id] }).onDelete('cascade'),
    foreignKey({ name: 'saved_searches_category_fkey', columns: [t.territoryId, t.categoryId], foreignColumns: [categories.territoryId, categories.id] }).onDelete('cascade'),
    index('saved_searches_membership_idx').on(t.territoryId, t.membershipId),
  ],
);

/** Which digest periods were sent (instance-wide: "daily:2026-11-27", "weekly:2026-W48"). */
export const digestRuns = pgTable('digest_runs', {
  period: text('period').primaryKey(),
  startedAt: ts('started_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});
