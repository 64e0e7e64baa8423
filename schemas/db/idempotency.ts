// What a POST with an Idempotency-Key answered, so that the same request retried (lost
// answer, timeout, 503) gets the same answer instead of creating a second row. Written in
// the same transaction as what the request created (functions/shared/http/idempotency.ts):
// a rolled-back creation leaves no key. The stored answer is territory data, so the table
// is a tenant table: territory_id leads the primary key, row-level security applies.
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { territories } from './territories';

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** SHA-256 of the method, path and canonical JSON body: the same key with another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    status: integer('status').notNull(),
    /** Only the headers worth replaying (content-type, etag, location), never a cookie. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.territoryId, t.userId, t.key] }),
    // A key names one request of one person, whatever the territory (a territory's creation
    // has no territory yet when its key is looked up).
    uniqueIndex('idempotency_keys_user_key').on(t.userId, t.key),
    index('idempotency_keys_expiry_idx').on(t.expiresAt),
  ],
);
