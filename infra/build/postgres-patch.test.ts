// The postgres.js patch the bundles carry (plugins.ts): a connection that closes in the
// middle of a transaction must reject the transaction, not crash the process. Reproduced
// against a fake server that answers BEGIN and then hangs up, in child processes (an
// uncaught exception would otherwise take the test worker down with it).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './bundle';
import { BUNDLE_OPTIONS, patchPostgresConnection, postgresClosedSocketGuard } from './plugins';

const run = promisify(execFile);

/** One backend message: type byte, length, payload. */
const message = (type: string, payload: Buffer = Buffer.alloc(0)) => {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(payload.length + 4, 1);
  return Buffer.concat([header, payload]);
};
const cstring = (s: string) => Buffer.from(`${s}\0`, 'latin1');

/** Authenticates anyone, answers BEGIN, then closes the connection cleanly on the next query. */
function hangUpAfterBegin(socket: Socket) {
  let batches = 0;
  socket.on('data', (data) => {
    batches += 1;
    if (batches === 1) {
      const ok = Buffer.alloc(4); // AuthenticationOk
      const key = Buffer.alloc(8);
      socket.write(Buffer.concat([message('R', ok), message('K', key), message('Z', Buffer.from('I'))]));
    } else if (data[0] === 'Q'.charCodeAt(0) && /begin/i.test(data.toString('latin1'))) {
      socket.write(Buffer.concat([message('C', cstring('BEGIN')), message('Z', Buffer.from('T'))]));
    } else {
      socket.end();
    }
  });
  socket.on('error', () => {});
}

const SCRIPT = `
import postgres from 'postgres';
const sql = postgres({ host: '127.0.0.1', port: Number(process.argv[2]), user: 'x', database: 'x',
  fetch_types: false, prepare: false, max: 1, connect_timeout: 5, onnotice: () => {} });
try {
  await sql.begin(async (tx) => { await tx\`select 1\`; });
  console.log('committed?');
} catch (err) {
  console.log('rejected', err.code);
}
await new Promise((resolve) => setTimeout(resolve, 200));
process.exit(0);
`;

describe('postgres.js in the bundles', () => {
  let dir: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soliterr-pg-patch-'));
    for (const [file, plugins] of [['patched.mjs', [postgresClosedSocketGuard]], ['upstream.mjs', []]] as const) {
      await build({
        ...BUNDLE_OPTIONS,
        stdin: { contents: SCRIPT, resolveDir: ROOT, loader: 'js' },
        outfile: join(dir, file),
        plugins: [...plugins],
      });
    }
    server = createServer(hangUpAfterBegin);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const runScript = async (file: string) => {
    try {
      const { stdout } = await run(process.execPath, [join(dir, file), String(port)], { timeout: 20_000 });
      return { code: 0, out: stdout };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  };

  it('rejects a transaction whose connection closes with CONNECTION_CLOSED instead of crashing', async () => {
    const patched = await runScript('patched.mjs');
    expect(patched.out).toContain('rejected CONNECTION_CLOSED');
    expect(patched.code).toBe(0);
  });

  it('is needed: the released postgres.js crashes on the same server (remove the patch once it does not)', async () => {
    const upstream = await runScript('upstream.mjs');
    expect(upstream.code).not.toBe(0);
    expect(upstream.out).toMatch(/Cannot read properties of null \(reading 'write'\)/);
  });

  it('applies to the installed ESM and CommonJS builds, and refuses a source it does not recognise', () => {
    for (const build of ['src', 'cjs/src']) {
      const source = readFileSync(join(ROOT, 'node_modules/postgres', build, 'connection.js'), 'utf8');
      const patched = patchPostgresConnection(source);
      expect(patched).toContain('if (socket === null)');
      expect(patched.match(/chunk = nextWriteTimer = null/g)?.length).toBeGreaterThanOrEqual(3);
    }
    expect(() => patchPostgresConnection('function nextWrite(fn) {\n')).toThrow(/re-check infra\/build\/plugins.ts/);
  });
});
