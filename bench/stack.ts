// The full stack as production runs it, on this machine: a function bundle as its own
// node process (what of-watchdog starts), the gateway as another process in front of it
// (infra/gateway/server.ts), PostgreSQL with forced row-level security behind, the
// function logging in as an unprivileged role. Every process started here is stopped by
// stopAll(), also on Ctrl-C.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../infra/build/bundle';
import { exitOf, freePort, type FunctionProcess } from '../tests/processes/spawn';
import { createMemoryCgroup, functionMemoryLimit, type MemoryCgroup } from './cgroup';

const running = new Set<ChildProcess>();
const scratch = mkdtempSync(join(tmpdir(), 'soliterr-bench-'));

/** Ends every process this module started (SIGTERM, then SIGKILL after 5 s). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stop(child)));
  rmSync(scratch, { recursive: true, force: true });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exitOf(child);
    clearTimeout(timer);
  }
  running.delete(child);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(130);
  });
}

/** The environment of a function process, as openfaas.yml gives it (NODE_ENV production, LOG_LEVEL info). */
export function functionEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    PUBLIC_URL: 'http://127.0.0.1',
    SECRETS_DIR: '/nonexistent',
    DATA_DIR: scratch,
  };
}

/**
 * Starts a bundle and waits for its /_/health. Its log lines (one per request at
 * LOG_LEVEL=info) go to a file, as of-watchdog would drain them: a pipe read by this busy
 * process could fill up and stall the function's synchronous writes to stdout.
 */
export async function startFunction(name: string, file: string, databaseUrl: string): Promise<FunctionProcess> {
  const port = await freePort();
  const log = openSync(join(scratch, `${name}-${port}.log`), 'w');
  const { argv, cgroup } = inContainerLimits(name, [file], String(port));
  const child = spawn(argv[0], argv[1], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...functionEnv(databaseUrl), http_port: String(port) },
    stdio: ['ignore', log, 'pipe'],
  });
  closeSync(log);
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/_/health`, child, () => stderr);
  const stopped = async () => {
    await stop(child);
    cgroup?.remove();
    return child.exitCode;
  };
  return { name, url, child, stderr: () => stderr, stop: stopped };
}

/** Whether function processes get their openfaas.yml memory limit (see cgroup.ts); set on first use. */
export const memoryLimit: { applied: boolean | null; bytes: number | null } = { applied: null, bytes: null };

/**
 * `node args…` inside a memory cgroup limited like the function's container, when the
 * bench may create one; otherwise plain `node args…`.
 */
export function inContainerLimits(name: string, args: string[], label: string): { argv: [string, string[]]; cgroup: MemoryCgroup | null } {
  const limit = functionMemoryLimit(name) ?? functionMemoryLimit('listings');
  const cgroup = limit ? createMemoryCgroup(limit, `${name}-${label}`) : null;
  memoryLimit.bytes = limit;
  memoryLimit.applied = cgroup !== null;
  return { argv: cgroup ? cgroup.wrap(process.execPath, args) : [process.execPath, args], cgroup };
}

/** Polls url every 100 ms until it answers 200 (bounded by 30 s), or fails with the process's stderr. */
async function waitFor(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}: ${stderr()}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop(child);
  throw new Error(`${url} did not answer within 30 s: ${stderr()}`);
}

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** infra/gateway/server.ts in its own process, routing to the given function URLs. */
export async function startGateway(urls: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'infra/gateway/server.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      FUNCTION_URLS: Object.entries(urls).map(([name, url]) => `${name}=${url}`).join(','),
      GATEWAY_PORT: String(port),
      GATEWAY_HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/function/${Object.keys(urls)[0]}/_/health`, child, () => stderr);
  return { url, child, stop: () => stop(child) };
}

/** Resident set size of a process, from /proc/<pid>/status (VmRSS), in MiB. */
export function rssMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  if (!pid) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Samples VmRSS of pid every intervalMs while fn runs; returns fn's result and the highest sample. */
export async function sampleRss<T>(pid: number | undefined, fn: () => Promise<T>, intervalMs = 200): Promise<{ result: T; maxMiB: number }> {
  let maxMiB = rssMiB(pid);
  const timer = setInterval(() => (maxMiB = Math.max(maxMiB, rssMiB(pid))), intervalMs);
  try {
    const result = await fn();
    return { result, maxMiB: Math.max(maxMiB, rssMiB(pid)) };
  } finally {
    clearInterval(timer);
  }
}
