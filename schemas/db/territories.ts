// A territory is one isolated workspace (the tenant). Every table here but `territories`
// itself leads its primary key with territory_id, and every foreign key between tenant
// tables includes it, so a row can never point into another territory and the schema can
// be distributed by territory (Citus).
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, users } from './accounts';
import { membershipPolicy, membershipRole, membershipStatus, territoryVisibility } from './enums';

export const territories = pgTable(
  'territories',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull().unique('territories_slug_key'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    departement: text('departement'),
    region: text('region'),
    centerLat: doublePrecision('center_lat'),
    centerLon: doublePrecision('center_lon'),
    membershipPolicy: membershipPolicy('membership_policy').notNull().default('approval'),
    visibility: territoryVisibility('visibility').notNull().default('public'),
    charter: text('charter').notNull().default(''),
    accentColor: text('accent_color'),
    /** Object-storage key of the logo (functions/shared/storage), its type and when it changed. */
    logoKey: text('logo_key'),
    logoContentType: text('logo_content_type'),
    logoUpdatedAt: timestamp('logo_updated_at', { withTimezone: true, precision: 3 }),
    /** Whether facilitators and admins may read members' conversations (off by default). */
    facilitatorsReadConversations: boolean('facilitators_read_conversations').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('territories_public_idx').on(t.visibility, t.name)],
);

export const memberships = pgTable(
  'memberships',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: membershipRole('role').notNull().default('member'),
    status: membershipStatus('status').notNull().default('pending'),
    organisationId: uuid('organisation_id'),
    charterAcceptedAt: timestamp('charter_accepted_at', { withTimezone: true, precision: 3 }),
    message: text('message').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    decisionMessage: text('decision_message'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: 'memberships_pkey', columns: [t.territoryId, t.id] }),
    unique('memberships_user_key').on(t.territoryId, t.userId),
    index('memberships_user_idx').on(t.userId),
    index('memberships_status_idx').on(t.territoryId, t.status, t.createdAt),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    role: membershipRole('role').notNull().default('member'),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    message: text('message').notNull().default(''),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'invitations_pkey', columns: [t.territoryId, t.id] }),
    unique('invitations_token_key').on(t.territoryId, t.tokenHash),
    foreignKey({
      name: 'invitations_invited_by_fkey',
      columns: [t.territoryId, t.invitedBy],
      foreignColumns: [memberships.territoryId, memberships.id],
    }),
  ],
);

export const categories = pgTable(
  'categories',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    slug: text('slug').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'categories_pkey', columns: [t.territoryId, t.id] }),
    unique('categories_slug_key').on(t.territoryId, t.slug),
  ],
);

/** What admins and facilitators did, for accountability inside the territory. */
export const auditLog = pgTable(
  'audit_log',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id'),
    details: jsonb('details').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'audit_log_pkey', columns: [t.territoryId, t.id] }),
    index('audit_log_recent_idx').on(t.territoryId, t.createdAt),
  ],
);
