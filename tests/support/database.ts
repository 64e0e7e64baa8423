// Test databases: an in-memory PGlite, or a fresh PostgreSQL database created on
// TEST_DATABASE_URL's server and dropped afterwards. Never depends on leftovers.
import postgres from 'postgres';
import { type Database, openPglite, openPostgres } from '../../functions/shared/db/client';
import { migrate } from '../../functions/shared/db/migrate';

export type DatabaseKind = 'pglite' | 'postgres';

/** The login role of the application in the PostgreSQL test runs. */
export const APP_LOGIN = 'soliterr_test_app';

export interface TestDatabase {
  kind: DatabaseKind;
  database: Database;
  /** A connection as the schema owner, to check what is really stored (bypasses RLS). */
  owner: Database;
  /** PostgreSQL only: the application's URL (an unprivileged login, member of soliterr_app). */
  url?: string;
  /** PostgreSQL only: the owner's URL (superuser), for migrations and fault tests. */
  ownerUrl?: string;
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
  const ownerUrl = new URL(POSTGRES_URL);
  ownerUrl.pathname = `/${name}`;
  const owner = openPostgres(ownerUrl.toString(), { max: 2 });
  await migrate(owner);
  // As in production, the application logs in as a role that is neither superuser nor
  // owner: SQL running as soliterr_app cannot RESET ROLE into more rights. Roles are
  // cluster-wide and test files run in parallel, hence the tolerant creation.
  await admin.unsafe(`
    do $$ begin
      create role ${APP_LOGIN} login nosuperuser nobypassrls nocreatedb nocreaterole;
    exception when duplicate_object or unique_violation then null;
    end $$`);
  await admin.unsafe(`grant soliterr_app to ${APP_LOGIN}`).catch(() => {});
  const appUrl = new URL(ownerUrl);
  appUrl.username = APP_LOGIN;
  appUrl.password = '';
  const database = openPostgres(appUrl.toString(), { max: 5 });
  return {
    kind,
    database,
    owner,
    url: appUrl.toString(),
    ownerUrl: ownerUrl.toString(),
    async drop() {
      await database.close();
      await owner.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
