// `npm run digests`: one delivery run now, against DATABASE_URL or the local PGlite.
import { loadConfig } from '../shared/config';
import { openDatabase } from '../shared/db/client';
import { createLogger } from '../shared/http/logger';
import { createMailer } from '../shared/mail/mailer';
import { deliverNotifications } from './delivery';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, { service: 'digests' });
const database = await openDatabase(config);
try {
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, outboxDir: config.OUTBOX_DIR ?? `${config.DATA_DIR}/outbox`, logger });
  const result = await deliverNotifications({ config, database, mailer, logger });
  console.log(
    `digests: ${result.emails} email(s) for ${result.notified} notification(s), ${result.skipped} set to « never »` +
      (result.periods.length ? `, periods sent: ${result.periods.join(', ')}` : ''),
  );
} finally {
  await database.close();
}
