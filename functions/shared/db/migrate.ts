import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../infra/db/migrations', import.meta.url));

/** Applies infra/db/migrations. Must run as the schema owner (superuser or BYPASSRLS). */
export async function migrate(database: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const options = { migrationsFolder, migrationsSchema: 'drizzle' };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, options);
  } else {
    await migratePostgres(database.db as never, options);
  }
}
