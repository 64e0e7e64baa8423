// `npm start`: the product on the embedded PGlite (or DATABASE_URL), migrated and seeded
// with the demo territory, on PORT (default 3000): the site and the API on one port.
import { createServer as createHttpServer } from 'node:http';
import { loadConfig } from '../../functions/shared/config';
import { openDatabase } from '../../functions/shared/db/client';
import { migrate } from '../../functions/shared/db/migrate';
import { assertRlsBackstop, loginIsPrivileged } from '../../functions/shared/db/tenant';
import { deliverNotifications } from '../../functions/digests/delivery';
import { createLogger } from '../../functions/shared/http/logger';
import { createMailer } from '../../functions/shared/mail/mailer';
import { seedDemo } from '../db/seed';
import { createServer } from './server';
import { ensureSiteBuilt, loadSite, siteAndApi } from './site';

const config = loadConfig();
ensureSiteBuilt();
const database = await openDatabase(config);
// Migrations and the seed run as the owner; requests run as soliterr_app.
const owner = config.MIGRATION_DATABASE_URL ? await openDatabase({ ...config, DATABASE_URL: config.MIGRATION_DATABASE_URL }) : database;
await migrate(owner);
const seed = await seedDemo(owner);
if (owner !== database) await owner.close();
await assertRlsBackstop(database, { requireUnprivilegedLogin: config.production });
if (await loginIsPrivileged(database)) {
  console.warn('Warning: DATABASE_URL logs in as a superuser or BYPASSRLS role. Fine for trying SoliTERR; in production, log in as a member of soliterr_app (NODE_ENV=production refuses to start otherwise).');
}
const app = createServer(config, database);
const site = await loadSite({ origin: config.production ? config.PUBLIC_URL : undefined });

const server = createHttpServer(siteAndApi(app, site)).listen(config.PORT, () => {
  const where = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.DATA_DIR}/pglite`;
  console.log(`
SoliTERR is running: ${config.PUBLIC_URL}
  database: ${where}
  demo territory: ${config.PUBLIC_URL}/t/${seed.slug}${seed.seeded ? ' (just seeded)' : ''}
  API reference: ${config.PUBLIC_URL}/api/docs
  emails: ${config.SMTP_URL ? 'sent through SMTP_URL' : `written to ${config.OUTBOX_DIR ?? `${config.DATA_DIR}/outbox`} and the log`}

Demo logins (password "${seed.password}"):
${seed.logins.map((l) => `  ${l.role.padEnd(12)} ${l.email}  (${l.name})`).join('\n')}
`);
});

// The scheduled `digests` function of openfaas.yml, in-process: every minute, email what
// is due (at once, daily and weekly digests). The timer never keeps the process alive.
const digestsLogger = createLogger(config.LOG_LEVEL, { service: 'digests' });
const digestsMailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, outboxDir: config.OUTBOX_DIR ?? `${config.DATA_DIR}/outbox`, logger: digestsLogger });
setInterval(() => {
  deliverNotifications({ config, database, mailer: digestsMailer, logger: digestsLogger })
    .then((r) => {
      if (r.emails > 0) console.log(`digests: ${r.emails} email(s) sent for ${r.notified} notification(s)${r.periods.length ? ` (${r.periods.join(', ')})` : ''}`);
    })
    .catch((err) => console.warn(`digests: not sent this time (${String(err)}), next try in a minute`));
}, 60_000).unref();

const stop = () => {
  server.close(() => void database.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
