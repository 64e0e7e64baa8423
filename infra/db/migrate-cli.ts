// `npm run db:migrate`: applies infra/db/migrations to DATABASE_URL (or to the embedded
// PGlite under DATA_DIR when DATABASE_URL is unset). Run it as the schema owner.
import { loadConfig } from '../../functions/shared/config';
import { openDatabase } from '../../functions/shared/db/client';
import { migrate } from '../../functions/shared/db/migrate';
import { assertRlsBackstop } from '../../functions/shared/db/tenant';

const config = loadConfig();
const database = await openDatabase({ ...config, DATABASE_URL: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL });
try {
  await migrate(database);
  await assertRlsBackstop(database);
  console.log(`Migrations applied (${database.kind}).`);
} finally {
  await database.close();
}
