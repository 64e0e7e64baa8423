// The whole API in one process, for `npm start` and for a single-territory deployment:
// every function in-process behind the same route table as production. The site (web/)
// is mounted in front of it by infra/dev/site.ts.
// PGlite allows one process only, which is why the functions are not separate here
// (docs/decisions/004-one-process-with-pglite.md).
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { FUNCTIONS } from '../../functions';
import type { Config } from '../../functions/shared/config';
import type { Database } from '../../functions/shared/db/client';
import { createLogger } from '../../functions/shared/http/logger';
import { buildFunction } from '../../functions/shared/http/function';
import { createMailer } from '../../functions/shared/mail/mailer';
import { createGateway } from '../gateway/gateway';

export function createServer(config: Config, database: Database) {
  const logger = createLogger(config.LOG_LEVEL, { service: 'soliterr' });
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    outboxDir: config.OUTBOX_DIR ?? `${config.DATA_DIR}/outbox`,
    logger,
  });
  const deps = { config, database, mailer, logger };
  const upstreams = Object.fromEntries(
    FUNCTIONS.map((def) => {
      const app = buildFunction(def, { ...deps, logger: logger.child({ function: def.name }) });
      return [def.name, (req: Request) => app.fetch(req)];
    }),
  );
  const gateway = createGateway(upstreams);
  // The peer address goes into X-Forwarded-For, which keys the rate limits.
  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();
  app.all('*', (c) => gateway.fetch(c.req.raw, c.env?.incoming?.socket.remoteAddress));
  return app;
}
