import {
  doublePrecision,
  foreignKey,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './accounts';
import { organisationKind } from './enums';
import { memberships, territories } from './territories';

/** An actor of the territory: a company, hospital, association, commune, farm, or a person. */
export const organisations = pgTable(
  'organisations',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    kind: organisationKind('kind').notNull(),
    name: text('name').notNull(),
    siret: text('siret'),
    address: text('address'),
    commune: text('commune'),
    postcode: text('postcode'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    description: text('description').notNull().default(''),
    website: text('website'),
    createdBy: uuid('created_by').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: 'organisations_pkey', columns: [t.territoryId, t.id] }),
    foreignKey({
      name: 'organisations_created_by_fkey',
      columns: [t.territoryId, t.createdBy],
      foreignColumns: [memberships.territoryId, memberships.id],
    }),
  ],
);
