import type { Config } from '../config';
import { openDatabase } from '../db/client';
import { createMailer } from '../mail/mailer';
import type { Deps } from './deps';
import { createLogger } from './logger';

export async function createDeps(config: Config, service: string): Promise<Deps> {
  const logger = createLogger(config.LOG_LEVEL, { service });
  const database = await openDatabase(config);
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    outboxDir: config.OUTBOX_DIR ?? `${config.DATA_DIR}/outbox`,
    logger,
  });
  return { config, database, mailer, logger };
}
