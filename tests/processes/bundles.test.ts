// The production shape without containers: every function bundle (npm run build) runs
// as its own node process on a fresh PostgreSQL database, behind the gateway on a real
// port, mailing over real SMTP. What of-watchdog would start is exactly this process.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bundle, buildBundles, functionNames, ROOT } from '../../infra/build/bundle';
import { type GatewayServer, startGatewayServer } from '../../infra/gateway/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { type Mailbox, startMailbox } from '../support/mailbox';
import { exitOf, freePort, type FunctionProcess, runBundle, startBundle } from './spawn';

const outDir = mkdtempSync(join(tmpdir(), 'soliterr-bundles-'));
// Functions still being written are checked by infra/build/openfaas.test.ts, not here.
const names = functionNames().filter((name) => existsSync(join(ROOT, 'functions', name, 'index.ts')));
let bundles: Bundle[] = [];

beforeAll(async () => {
  bundles = await buildBundles({ names, outDir });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const fileOf = (name: string) => bundles.find((b) => b.name === name)!.file;

describe('a function bundle', () => {
  it('loads under 1 MiB at start, carries PostgreSQL access but not the embedded PGlite', () => {
    expect(bundles.map((b) => b.name)).toEqual(names);
    for (const bundle of bundles) {
      // What node reads at start: the entry and the chunks it imports statically.
      expect(bundle.bytes, bundle.name).toBeLessThan(1024 * 1024);
      expect(bundle.startFiles[0], bundle.name).toBe(bundle.file);
      expect(bundle.files.every((f) => dirname(f) === dirname(bundle.file)), bundle.name).toBe(true);
      expect(bundle.startPackages, bundle.name).toContain('postgres');
      expect(bundle.packages.filter((p) => p.includes('pglite')), bundle.name).toEqual([]);
      // The S3 SDK only ever comes in a chunk loaded on demand (OBJECT_STORAGE=s3).
      expect(bundle.startPackages.filter((p) => p.startsWith('@aws-sdk/')), bundle.name).toEqual([]);
    }
  });

  it('keeps the S3 SDK of the territories function in a chunk that starting does not need', async () => {
    const territories = bundles.find((b) => b.name === 'territories')!;
    expect(territories.packages).toContain('@aws-sdk/client-s3');
    const onDemand = territories.files.filter((f) => !territories.startFiles.includes(f));
    expect(onDemand.map((f) => basename(f))).toContainEqual(expect.stringMatching(/^s3-sdk-\w+\.mjs$/));
    // Without its on-demand chunks the bundle still loads (a static import would fail to link).
    const startOnly = mkdtempSync(join(tmpdir(), 'soliterr-start-only-'));
    try {
      for (const f of territories.startFiles) cpSync(f, join(startOnly, basename(f)));
      const child = runBundle(join(startOnly, basename(territories.file)), { NODE_ENV: 'production', SECRETS_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
      let stderr = '';
      child.stderr?.on('data', (chunk) => (stderr += chunk));
      expect(await exitOf(child)).toBe(1);
      expect(stderr).toMatch(/DATABASE_URL/);
      expect(stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find module/);
    } finally {
      rmSync(startOnly, { recursive: true, force: true });
    }
  });

  it('refuses to start without DATABASE_URL, saying why', async () => {
    const child = runBundle(fileOf('auth'), { NODE_ENV: 'production', SECRETS_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toMatch(/DATABASE_URL/);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('function bundles as separate processes on PostgreSQL', () => {
  let db: TestDatabase;
  let mailbox: Mailbox;
  let gateway: GatewayServer;
  let publicUrl: string;
  const running: FunctionProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    mailbox = await startMailbox();
    const gatewayPort = await freePort();
    publicUrl = `http://127.0.0.1:${gatewayPort}`;
    const env = {
      DATABASE_URL: db.url!,
      NODE_ENV: 'production',
      PUBLIC_URL: publicUrl,
      SMTP_URL: mailbox.url,
      SECRETS_DIR: '/nonexistent',
      LOG_LEVEL: 'warn',
    };
    running.push(...(await Promise.all(names.map((name) => startBundle(name, fileOf(name), env)))));
    gateway = await startGatewayServer({ urls: Object.fromEntries(running.map((p) => [p.name, p.url])), port: gatewayPort });
  });

  it('refuses to start in production when DATABASE_URL logs in as a superuser', async () => {
    const child = runBundle(fileOf('auth'), {
      DATABASE_URL: db.ownerUrl!,
      NODE_ENV: 'production',
      SECRETS_DIR: '/nonexistent',
      LOG_LEVEL: 'silent',
      http_port: String(await freePort()),
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toMatch(/superuser or BYPASSRLS/);
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all(running.map((p) => p.stop()));
    await mailbox?.close();
    await db?.drop();
  });

  const call = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${gateway.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    const body = /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text;
    return { status: res.status, headers: res.headers, body };
  };

  it('answers health checks of every function through /function/<name>', async () => {
    for (const { name } of running) {
      expect((await call('GET', `/function/${name}/_/health`)).status, name).toBe(200);
    }
  });

  it('registers over HTTP, mails over SMTP and knows the new account by its Bearer token', async () => {
    const email = `jeanne.${Date.now()}@confitures.example.fr`;
    const registered = await call('POST', '/api/v1/auth/register', {
      body: { email, password: 'fraises et abricots', name: 'Jeanne Confitures' },
    });
    expect(registered.status).toBe(201);
    // NODE_ENV=production: the session cookie is Secure.
    expect(registered.headers.get('set-cookie')).toMatch(/Secure/i);
    const mail = await mailbox.waitFor(email, /confirmez/i, 10_000);
    expect(mailbox.linkIn(mail).origin).toBe(publicUrl);

    const me = await call('GET', '/api/v1/me', { token: registered.body.token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);

    const direct = await call('GET', '/function/auth/api/v1/me', { token: registered.body.token });
    expect(direct.status).toBe(200);
    expect(direct.body.id).toBe(me.body.id);

    const anonymous = await call('GET', '/api/v1/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('publishes the merged OpenAPI document and the reference page from the docs process', async () => {
    const doc = await call('GET', '/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\.1\./);
    expect(doc.body.servers[0].url).toBe(publicUrl);
    expect(doc.body.paths['/api/v1/me']).toBeDefined();
    const page = await call('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('getMe');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'sha256-/);
  });

  it('answers an unknown public path with a problem from the gateway', async () => {
    const res = await call('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('route_not_found');
  });

  it('stops cleanly on SIGTERM, as of-watchdog and Kubernetes stop it', async () => {
    const docs = running.find((p) => p.name === 'docs')!;
    running.splice(running.indexOf(docs), 1);
    expect(await docs.stop()).toBe(0);
  });
});
