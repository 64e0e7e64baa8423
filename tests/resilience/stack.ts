// The production shape for the load and fault tests: a migrated database on our own
// cluster, every function bundle as its own process logged in as an unprivileged role,
// and the gateway on a real port (the spawning of tests/processes, reused).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Bundle, buildBundles } from '../../infra/build/bundle';
import { startGatewayServer } from '../../infra/gateway/server';
import { type Database, openPostgres } from '../../functions/shared/db/client';
import { migrate } from '../../functions/shared/db/migrate';
import { APP_LOGIN } from '../support/database';
import { freePort, type FunctionProcess, startBundle } from '../processes/spawn';
import { type Cluster, superuser } from './cluster';

/** The functions the scenarios call: accounts, territories, memberships, organisations, listings. */
export const STACK_FUNCTIONS = ['auth', 'territories', 'memberships', 'organisations', 'listings'];

export interface Bundles {
  fileOf(name: string): string;
  remove(): void;
}

export async function buildStackBundles(names = STACK_FUNCTIONS): Promise<Bundles> {
  const outDir = mkdtempSync(join(tmpdir(), 'soliterr-resilience-'));
  let bundles: Bundle[];
  try {
    bundles = await buildBundles({ names, outDir });
  } catch (err) {
    rmSync(outDir, { recursive: true, force: true });
    throw err;
  }
  return {
    fileOf: (name) => bundles.find((b) => b.name === name)!.file,
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

export interface StackDatabase {
  /** The superuser and owner of the schema: what is really stored, RLS bypassed. */
  owner: Database;
  ownerUrl: string;
  /** What the functions log in as: a member of soliterr_app, nothing more. */
  appUrl: string;
  close(): Promise<void>;
}

/** Creates and migrates one database of the cluster, with the unprivileged application login. */
export async function prepareDatabase(cluster: Cluster, name: string): Promise<StackDatabase> {
  await superuser(cluster.url(), async (sql) => {
    await sql.unsafe(`create database ${name}`);
    await sql.unsafe(`
      do $$ begin
        create role ${APP_LOGIN} login nosuperuser nobypassrls nocreatedb nocreaterole;
      exception when duplicate_object or unique_violation then null;
      end $$`);
  });
  const ownerUrl = cluster.url(name);
  const owner = openPostgres(ownerUrl, { max: 2 });
  await migrate(owner);
  await superuser(ownerUrl, (sql) => sql.unsafe(`grant soliterr_app to ${APP_LOGIN}`));
  const appUrl = new URL(ownerUrl);
  appUrl.username = APP_LOGIN;
  return { owner, ownerUrl, appUrl: appUrl.toString(), close: () => owner.close() };
}

export interface Stack {
  url: string;
  processes: Map<string, FunctionProcess>;
  /** SIGKILL: no goodbye, in-flight requests and transactions are cut. */
  kill(name: string): Promise<void>;
  /** Starts a killed function again, same environment, same port: the gateway routes to it as before. */
  restart(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startStack(bundles: Bundles, appUrl: string, names = STACK_FUNCTIONS): Promise<Stack> {
  const gatewayPort = await freePort();
  const env = {
    DATABASE_URL: appUrl,
    NODE_ENV: 'production',
    PUBLIC_URL: `http://127.0.0.1:${gatewayPort}`,
    SECRETS_DIR: '/nonexistent',
    // Mail goes to a folder nobody reads; the scenarios do not register through email links.
    OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'soliterr-resilience-outbox-')),
    LOG_LEVEL: 'error',
    // Fifty clients from 127.0.0.1 would hit the per-address limits meant for attackers.
    RATE_LIMIT_DISABLED: 'true',
  };
  const processes = new Map<string, FunctionProcess>();
  const started = await Promise.allSettled(names.map((name) => startBundle(name, bundles.fileOf(name), env)));
  for (const result of started) if (result.status === 'fulfilled') processes.set(result.value.name, result.value);
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all([...processes.values()].map((p) => p.stop()));
    throw (failed as PromiseRejectedResult).reason;
  }
  const urls = Object.fromEntries([...processes].map(([name, p]) => [name, p.url]));
  const gateway = await startGatewayServer({ urls, port: gatewayPort });
  const alive = (p: FunctionProcess) => p.child.exitCode === null && p.child.signalCode === null;

  return {
    url: gateway.url,
    processes,
    async kill(name) {
      const p = processes.get(name)!;
      const exited = new Promise<void>((resolve) => (alive(p) ? p.child.once('exit', () => resolve()) : resolve()));
      p.child.kill('SIGKILL');
      await exited;
    },
    async restart(name) {
      // Same port: the gateway keeps routing where it did, as OpenFaaS keeps a service address.
      const port = Number(new URL(processes.get(name)!.url).port);
      processes.set(name, await startBundle(name, bundles.fileOf(name), env, 15_000, port));
    },
    async close() {
      await gateway.close();
      await Promise.all([...processes.values()].map((p) => (alive(p) ? p.stop() : null)));
      rmSync(env.OUTBOX_DIR, { recursive: true, force: true });
    },
  };
}
