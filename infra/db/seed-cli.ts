// `npm run db:seed`: seeds the demo territory into DATABASE_URL or the embedded PGlite.
import { loadConfig } from '../../functions/shared/config';
import { openDatabase } from '../../functions/shared/db/client';
import { migrate } from '../../functions/shared/db/migrate';
import { seedDemo } from './seed';

const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrate(database);
  const result = await seedDemo(database);
  console.log(result.seeded ? `Demo territory "${result.slug}" seeded.` : `Demo territory "${result.slug}" already there.`);
} finally {
  await database.close();
}
