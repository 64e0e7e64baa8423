// The product exactly as `npm start` runs it (infra/dev/start.ts in its own process),
// on a fresh temporary data dir: migrated, demo territory seeded. It builds the site only
// if web/build is stale, as `npm start` does; this script builds nothing of its own.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningProduct {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 5 * 60_000; // a stale site is rebuilt first (about a minute)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start stopped (exit ${child.exitCode}):\n${log()}`);
    const ok = await fetch(`${url}/_/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The product did not answer on ${url} within 5 minutes:\n${log()}`);
}

export async function startProduct(): Promise<RunningProduct> {
  const dataDir = mkdtempSync(join(tmpdir(), 'soliterr-lighthouse-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  // Always the embedded PGlite and the outbox folder, whatever this shell has set.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PUBLIC_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'SMTP_URL', 'OUTBOX_DIR']) delete env[name];
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['infra/dev/start.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  await waitUntilUp(url, child, () => output);
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
