// Function bundles as real child processes, started the way of-watchdog starts them:
// `node index.mjs` with the port in http_port and everything else in the environment.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface FunctionProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Sends SIGTERM and resolves with the exit code (or the signal that ended it). */
  stop(): Promise<number | string | null>;
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs `node <file>` with exactly env (plus PATH), like a container would. */
export function runBundle(file: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [file], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function exitOf(child: ChildProcess): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}

/**
 * Starts a bundle and waits until its /_/health answers, or fails with its stderr.
 * `port` restarts a function where the gateway already routes to it (fault tests).
 */
export async function startBundle(
  name: string,
  file: string,
  env: Record<string, string>,
  timeoutMs = 15_000,
  port?: number,
): Promise<FunctionProcess> {
  port ??= await freePort();
  const child = runBundle(file, { ...env, http_port: String(port) });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await fetch(`${url}/_/health`);
      if (res.ok) {
        return {
          name,
          url,
          child,
          stderr: () => stderr,
          stop: () => {
            child.kill('SIGTERM');
            return exitOf(child);
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not answer /_/health within ${timeoutMs} ms: ${stderr}`);
}
