// Cold start: from spawning `node <bundle entry>` (what of-watchdog does) to the first 200 on
// /_/health, against a bare Node HTTP server started the same way. A function process
// reads its configuration, opens its PostgreSQL pool and checks the RLS backstop (one
// query) before it listens, so that is counted. Runs are interleaved (bare, auth, …,
// bare, auth, …) so that a busier moment of the machine does not fall on one side only.
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import type { Bundle } from '../infra/build/bundle';
import { exitOf, freePort } from '../tests/processes/spawn';
import { functionEnv, inContainerLimits, rssMiB } from './stack';

const BARE_NODE = `require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"ok":true}');
}).listen(Number(process.env.http_port), '0.0.0.0');`;

export interface ColdStart {
  name: string;
  bytes?: number;
  runsMs: number[];
  medianMs: number;
  /** RSS one second after the first 200, nothing else asked (MiB). */
  idleRssMiB: number;
  /** medianMs / bare Node's (target ≤ 2). */
  ratio?: number;
  /** Median spawn → exit without DATABASE_URL: reading, compiling and evaluating the bundle. */
  evaluateMs?: number;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/_/health', agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** Spawns args, polls /_/health every 5 ms (bounded by 20 s); returns ms to the first 200 and the idle RSS. */
async function startOnce(name: string, args: string[], env: Record<string, string>): Promise<{ ms: number; rss: number }> {
  const port = await freePort();
  const { argv, cgroup } = inContainerLimits(name, args, `cold-${port}`);
  const started = performance.now();
  const child: ChildProcess = spawn(argv[0], argv[1], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env, http_port: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  try {
    const deadline = started + 20_000;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}: ${stderr}`);
      if (await healthy(port)) {
        const ms = performance.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return { ms, rss: rssMiB(child.pid) };
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`${args.join(' ')} did not answer within 20 s: ${stderr}`);
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exitOf(child);
    }
    cgroup?.remove();
  }
}

/**
 * Spawn to exit of `node <bundle>` without DATABASE_URL: the bundle is read, compiled and
 * evaluated, then refuses to start. The part of a cold start that is loading code.
 */
async function evaluateOnce(file: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [file], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', SECRETS_DIR: '/nonexistent', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exitOf(child);
  clearTimeout(timer);
  return performance.now() - started;
}

export async function measureColdStarts(bundles: Bundle[], databaseUrl: string, runs: number): Promise<{ bareNode: ColdStart; bundles: ColdStart[] }> {
  const samples = new Map<string, { ms: number[]; rss: number[] }>();
  const record = (name: string, s: { ms: number; rss: number }) => {
    const entry = samples.get(name) ?? { ms: [], rss: [] };
    entry.ms.push(s.ms);
    entry.rss.push(s.rss);
    samples.set(name, entry);
  };
  // One unmeasured start of each: the files come into the page cache as they would on a warm node.
  // Bare Node runs with the same memory limit as the functions (that of listings).
  await startOnce('listings', ['-e', BARE_NODE], {});
  for (const b of bundles) await startOnce(b.name, [b.file], functionEnv(databaseUrl));
  const evaluation = new Map<string, number[]>();
  for (let run = 0; run < runs; run++) {
    record('bare node', await startOnce('listings', ['-e', BARE_NODE], {}));
    for (const b of bundles) {
      record(b.name, await startOnce(b.name, [b.file], functionEnv(databaseUrl)));
      evaluation.set(b.name, [...(evaluation.get(b.name) ?? []), await evaluateOnce(b.file)]);
    }
  }
  const summary = (name: string, bytes?: number): ColdStart => {
    const s = samples.get(name)!;
    return {
      name,
      bytes,
      runsMs: s.ms.map((ms) => Math.round(ms * 10) / 10),
      medianMs: Math.round(median(s.ms) * 10) / 10,
      idleRssMiB: median(s.rss),
    };
  };
  const bareNode = summary('bare node');
  const result = bundles.map((b) => {
    const c = summary(b.name, b.bytes);
    c.ratio = Math.round((c.medianMs / bareNode.medianMs) * 100) / 100;
    c.evaluateMs = Math.round(median(evaluation.get(b.name) ?? []) * 10) / 10;
    console.log(
      `  ${b.name.padEnd(14)} ${(b.bytes / 1024).toFixed(0).padStart(5)} KiB  cold start ${c.medianMs.toFixed(0).padStart(4)} ms (×${c.ratio} bare node; ` +
        `code alone ${c.evaluateMs.toFixed(0)} ms)  idle RSS ${c.idleRssMiB} MiB`,
    );
    return c;
  });
  console.log(`  ${'bare node'.padEnd(14)} ${''.padStart(9)}  cold start ${bareNode.medianMs.toFixed(0).padStart(4)} ms  idle RSS ${bareNode.idleRssMiB} MiB`);
  return { bareNode, bundles: result };
}
