// Test databases: an in-memory PGlite, or a fresh PostgreSQL database created on
// TEST_DATABASE_URL's server and dropped afterwards. Never depends on leftovers.
import postgres from 'postgres';
import { type Database, openPglite, openPostgres } from '../../functions/shared/db/client';
import { migrate } from '../../functions/shared/db/migrate';

export type DatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  database: Database;
  /** A connection as the schema owner, to check what is really stored (bypasses RLS). */
  owner: Database;
  url?: string;
  drop(): Promise<void>;
}

export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

/** The kinds this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASE_KINDS: DatabaseKind[] = POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openPglite('memory://');
    await migrate(database);
    return { kind, database, owner: database, drop: () => database.close() };
  }
  if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `soliterr_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const owner = openPostgres(url.toString(), { max: 2 });
  await migrate(owner);
  const database = openPostgres(url.toString(), { max: 5 });
  return {
    kind,
    database,
    owner,
    url: url.toString(),
    async drop() {
      await database.close();
      await owner.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
