// One database handle per process: PGlite (embedded, the default) or PostgreSQL through
// postgres.js. Both are wrapped by drizzle and expose the same query surface.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../../../schemas/db';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Rows of a raw `sql` query, whatever the driver. */
  rows<T = Record<string, unknown>>(result: unknown): T[];
  close(): Promise<void>;
}

export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir && !dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm, btree_gin } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { kind: 'pglite', db, rows: rowsOf, close: () => client.close() };
}

export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 5,
    // postgres.js waits up to 20 s (3^n/100 s) before reconnecting after failed attempts, so
    // while PostgreSQL restarts a request could wait that long for a 503, and the function
    // would recover seconds after the server. Capped at 1 s: every request is answered
    // within connect_timeout + 1 s, and recovery follows the server (tests/resilience).
    backoff: (attempts: number) => Math.min(0.1 * attempts, 1),
    idle_timeout: 30,
    // Transaction pooling (PgBouncer) cannot keep prepared statements per session.
    prepare: false,
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return { kind: 'postgres', db, rows: rowsOf, close: () => client.end({ timeout: 5 }) };
}

/** Rows touched by a raw INSERT/UPDATE/DELETE, whatever the driver. */
export function affectedRows(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return r.count ?? r.affectedRows ?? 0;
}

/** DATABASE_URL selects PostgreSQL; without it the embedded PGlite under DATA_DIR is used. */
export async function openDatabase(config: { DATABASE_URL?: string; DATA_DIR: string }): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  return openPglite(`${config.DATA_DIR}/pglite`);
}
