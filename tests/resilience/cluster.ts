// A PostgreSQL cluster of our own, in a temporary folder on a free port, so the fault
// tests can stop and restart it without touching the machine's server (other suites use
// it). initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);

/** Where Debian puts the server binaries; PG_BIN overrides it. */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export const hasPostgresBinaries = (): boolean =>
  ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(join(PG_BIN, name)));

export interface Cluster {
  port: number;
  /** Superuser URL of a database of this cluster (trust authentication, 127.0.0.1 only). */
  url(database?: string): string;
  start(): Promise<void>;
  /** `immediate` is a crash as far as clients can tell: connections drop, nothing is flushed politely. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  running(): Promise<boolean>;
  /** Stops the server if it runs and removes the folder; safe to call twice. */
  destroy(): Promise<void>;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

async function pgTool(tool: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const file = join(PG_BIN, tool);
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  const { stdout } = await run(command, argv, { timeout: timeoutMs, env: { ...process.env, LC_ALL: 'C' } });
  return stdout;
}

let postgresIds: { uid: number; gid: number } | undefined;

function chownToPostgres(path: string): void {
  if (!asRoot) return;
  if (!postgresIds) {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
    if (!line) throw new Error('Running as root, but there is no `postgres` user to run initdb and pg_ctl as.');
    const [, , uid, gid] = line.split(':');
    postgresIds = { uid: Number(uid), gid: Number(gid) };
  }
  chownSync(path, postgresIds.uid, postgresIds.gid);
}

/** initdb into a temporary folder and start on `port`, listening on 127.0.0.1 only. */
export async function createCluster(port: number): Promise<Cluster> {
  const root = mkdtempSync(join(tmpdir(), 'soliterr-pg-'));
  chmodSync(root, 0o755);
  chownToPostgres(root);
  const dataDir = join(root, 'data');
  const log = join(root, 'server.log');
  await pgTool('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  // fsync is off: the fault tests stop the server process, never the machine, and the
  // operating system keeps what was written. synchronous_commit stays on, so an
  // acknowledged commit survives an immediate stop.
  writeFileSync(
    join(dataDir, 'postgresql.auto.conf'),
    [
      `listen_addresses = '127.0.0.1'`,
      `port = ${port}`,
      `unix_socket_directories = '${root}'`,
      `fsync = off`,
      `full_page_writes = off`,
      `max_connections = 200`,
      `shared_buffers = '64MB'`,
      `log_min_messages = 'warning'`,
    ].join('\n') + '\n',
  );
  chownToPostgres(join(dataDir, 'postgresql.auto.conf'));
  let destroyed = false;
  // Should the test process end without afterAll (a crash, a kill), the server goes too.
  const onExit = () => {
    if (destroyed) return;
    try {
      const file = join(PG_BIN, 'pg_ctl');
      const args = ['-D', dataDir, '-m', 'immediate', '-w', '-t', '10', 'stop'];
      if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'ignore', timeout: 15_000 });
      else execFileSync(file, args, { stdio: 'ignore', timeout: 15_000 });
    } catch {
      // not running
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  const cluster: Cluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await pgTool('pg_ctl', ['-D', dataDir, '-l', log, '-w', '-t', '60', 'start']);
    },
    async stop(mode = 'fast') {
      await pgTool('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
    },
    async running() {
      try {
        await pgTool('pg_ctl', ['-D', dataDir, 'status']);
        return true;
      } catch {
        return false;
      }
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      process.removeListener('exit', onExit);
      if (existsSync(join(dataDir, 'postmaster.pid'))) {
        await pgTool('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop']).catch(() => {});
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await cluster.start();
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  return cluster;
}

/** Runs one statement as the superuser on a database of the cluster. */
export async function superuser<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
