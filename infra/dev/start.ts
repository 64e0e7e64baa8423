// `npm start`: the product on the embedded PGlite (or DATABASE_URL), migrated and seeded
// with the demo territory, on PORT (default 3000).
import { serve } from '@hono/node-server';
import { loadConfig } from '../../functions/shared/config';
import { openDatabase } from '../../functions/shared/db/client';
import { migrate } from '../../functions/shared/db/migrate';
import { assertRlsBackstop } from '../../functions/shared/db/tenant';
import { seedDemo } from '../db/seed';
import { createServer } from './server';

const config = loadConfig();
const database = await openDatabase(config);
await migrate(database);
await assertRlsBackstop(database);
const seed = await seedDemo(database);
const app = createServer(config, database);

const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
  const where = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.DATA_DIR}/pglite`;
  console.log(`
SoliTERR is running: ${config.PUBLIC_URL}
  database: ${where}
  API reference: ${config.PUBLIC_URL}/api/docs
  demo territory: ${config.PUBLIC_URL}/api/v1/territories/${seed.slug}${seed.seeded ? ' (just seeded)' : ''}
  emails: ${config.SMTP_URL ? 'sent through SMTP_URL' : `written to ${config.OUTBOX_DIR ?? `${config.DATA_DIR}/outbox`} and the log`}

Demo logins (password "${seed.password}"):
${seed.logins.map((l) => `  ${l.role.padEnd(12)} ${l.email}  (${l.name})`).join('\n')}
`);
  void info;
});

const stop = () => {
  server.close(() => void database.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
