// The real product for browser tests: the same server as `npm start` (API + built site on
// one port) on a fresh in-memory PGlite with the demo territory, mailing to a real SMTP
// server in the test process.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../functions/shared/config';
import { openPglite } from '../../../functions/shared/db/client';
import { migrate } from '../../../functions/shared/db/migrate';
import { seedDemo } from '../../../infra/db/seed';
import { createServer } from '../../../infra/dev/server';
import { loadSite, siteAndApi } from '../../../infra/dev/site';
import { type Mailbox, startMailbox } from '../../support/mailbox';

export interface Product {
  /** http://127.0.0.1:<port>, also the PUBLIC_URL of the links in emails. */
  url: string;
  mailbox: Mailbox;
  close(): Promise<void>;
}

export async function startProduct(env: Record<string, string> = {}): Promise<Product> {
  const http: Server = createHttpServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const database = await openPglite('memory://');
  await migrate(database);
  await seedDemo(database);
  const mailbox = await startMailbox();
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SMTP_URL: mailbox.url,
    SECRETS_DIR: '/nonexistent',
    HOSTING_OPERATOR: 'Communauté de communes de démonstration',
    HOSTING_LOCATION: 'Tarbes (Hautes-Pyrénées), France',
    // The national address base is a third party: browser journeys never reach it.
    GEOCODER_URL: '',
    ...env,
  } as NodeJS.ProcessEnv);
  const app = createServer(config, database);
  http.on('request', siteAndApi(app, await loadSite()));
  return {
    url,
    mailbox,
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await mailbox.close();
      await database.close();
    },
  };
}
