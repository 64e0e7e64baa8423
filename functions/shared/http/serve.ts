// Entry point of a function process (what of-watchdog starts in the container and what
// the bundle tests start): config from the environment, RLS backstop check, HTTP server.
import { serve } from '@hono/node-server';
import { loadConfig } from '../config';
import { assertRlsBackstop } from '../db/tenant';
import { createDeps } from './create-deps';
import { buildFunction, type FunctionDefinition } from './function';

export async function startFunction(def: FunctionDefinition): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    throw new Error(`${def.name}: DATABASE_URL (or the secret file database-url) is required for a function process.`);
  }
  const deps = await createDeps(config, def.name);
  await assertRlsBackstop(deps.database, { requireUnprivilegedLogin: config.production });
  const app = buildFunction(def, deps);
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: '0.0.0.0' }, (info) => {
    deps.logger.info('listening', { port: info.port });
  });
  const stop = () => {
    server.close(() => {
      void deps.database.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
