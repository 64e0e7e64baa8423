import {
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './accounts';
import { exchangeMode, listingKind, listingStatus, listingVisibility } from './enums';
import { organisations } from './organisations';
import { categories, memberships, territories } from './territories';

/** Offers and needs. The full-text index lives in the SQL migration (it needs unaccent). */
export const listings = pgTable(
  'listings',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    kind: listingKind('kind').notNull(),
    categoryId: uuid('category_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    quantity: numeric('quantity', { precision: 12, scale: 2 }),
    unit: text('unit'),
    exchangeModes: exchangeMode('exchange_modes').array().notNull(),
    availableFrom: date('available_from'),
    availableUntil: date('available_until'),
    commune: text('commune'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    status: listingStatus('status').notNull().default('open'),
    visibility: listingVisibility('visibility').notNull().default('members'),
    authorMembershipId: uuid('author_membership_id').notNull(),
    organisationId: uuid('organisation_id'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: 'listings_pkey', columns: [t.territoryId, t.id] }),
    foreignKey({
      name: 'listings_category_fkey',
      columns: [t.territoryId, t.categoryId],
      foreignColumns: [categories.territoryId, categories.id],
    }),
    foreignKey({
      name: 'listings_author_fkey',
      columns: [t.territoryId, t.authorMembershipId],
      foreignColumns: [memberships.territoryId, memberships.id],
    }),
    foreignKey({
      name: 'listings_organisation_fkey',
      columns: [t.territoryId, t.organisationId],
      foreignColumns: [organisations.territoryId, organisations.id],
    }),
    index('listings_browse_idx').on(t.territoryId, t.kind, t.status, t.createdAt),
    index('listings_category_idx').on(t.territoryId, t.categoryId, t.createdAt),
    index('listings_location_idx').on(t.territoryId, t.lat, t.lon),
    index('listings_author_idx').on(t.territoryId, t.authorMembershipId),
    index('listings_organisation_idx').on(t.territoryId, t.organisationId),
  ],
);
