// The site (web/, SvelteKit with adapter-node) and the API on one port for `npm start`:
// /api/* and /function/* go to the gateway, everything else to the site. The site calls
// the API in-process through the same app a browser reaches (App.Platform in
// web/src/app.d.ts), so the rate limits still key on the visitor's address.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { withCompression } from './compression';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;
type FetchApp = { fetch: (request: Request, env?: Partial<HttpBindings>) => Response | Promise<Response> };

export const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));
const BUILD_DIR = join(WEB_DIR, 'build');
const STAMP = join(BUILD_DIR, 'handler.js');
/** What the site is built from; the generated Paraglide output is left out. */
const SOURCES = ['src', 'messages', 'static', 'project.inlang/settings.json', 'svelte.config.js', 'vite.config.ts', 'package.json'];

const API_PATH = /^\/(api|function)(\/|$)/;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'paraglide' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when web/build is missing or older than one of its sources. */
export function siteIsStale(): boolean {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(WEB_DIR, source)) > built);
}

const LOCK = join(WEB_DIR, '.build-lock');
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Two builds in the same folder overwrite each other's output: one at a time. */
function withBuildLock(fn: () => void): void {
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than five minutes belongs to a build that died.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 5 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (waited > 5 * 60_000) throw new Error(`Another build of the site holds ${LOCK}`);
      sleep(500);
    }
  }
  try {
    fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds the site when needed (the first `npm start`, or after a change): about 30–60 s. */
export function ensureSiteBuilt(log: (line: string) => void = console.log): void {
  if (!siteIsStale()) return;
  withBuildLock(() => {
    if (!siteIsStale()) return; // built by whoever held the lock
    log('Building the site (web/) — the first start takes about a minute…');
    const started = Date.now();
    const result = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) throw new Error('The site (web/) did not build: see the messages above.');
    log(`Site built in ${Math.round((Date.now() - started) / 1000)} s.`);
  });
}

/**
 * The adapter-node request handler of the built site. `origin` is the public address
 * when it is known for sure (production): behind a TLS proxy the site must know it is
 * served over https, for its form origin check and its Secure cookies. adapter-node
 * reads it from ORIGIN when the handler is first imported.
 */
export async function loadSite(options: { origin?: string } = {}): Promise<NodeHandler> {
  if (options.origin && !process.env.ORIGIN) process.env.ORIGIN = options.origin;
  // A 512 KiB logo in its multipart form is over adapter-node's default 512K (openfaas.yml says the same).
  if (!process.env.BODY_SIZE_LIMIT) process.env.BODY_SIZE_LIMIT = '1M';
  // Otherwise adapter-node takes the protocol from this header (and assumes https
  // without it); siteAndApi fills it from the connection when no proxy did.
  if (!process.env.PROTOCOL_HEADER) process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
  const module = (await import(pathToFileURL(STAMP).href)) as { handler: NodeHandler };
  return module.handler;
}

/**
 * One Node listener for both: the API app (infra/dev/server.ts) and the site. The site
 * gets `req.soliterrApi`, which sends its API calls through the API app with the
 * visitor's connection (peer address for the rate limits). Text answers are compressed
 * (br or gzip) when the client accepts it: infra/dev/compression.ts.
 */
export function siteAndApi(api: FetchApp, site: NodeHandler) {
  const apiListener = getRequestListener((request, env) => api.fetch(request, env as HttpBindings));
  return withCompression((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (API_PATH.test(path)) return void apiListener(req, res);
    req.headers['x-forwarded-proto'] ??= (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    (req as IncomingMessage & { soliterrApi?: (r: Request) => Promise<Response> }).soliterrApi = async (request) =>
      api.fetch(request, { incoming: req } as Partial<HttpBindings>);
    site(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
}
