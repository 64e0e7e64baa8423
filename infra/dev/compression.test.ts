import { createServer as createHttpServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/shared/config';
import { type Database, openPglite } from '../../functions/shared/db/client';
import { migrate } from '../../functions/shared/db/migrate';
import { DEMO_TERRITORY } from '../db/demo-data';
import { seedDemo } from '../db/seed';
import { negotiate } from './compression';
import { createServer } from './server';
import { siteAndApi } from './site';

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/** A raw request (fetch would decode and hide Content-Encoding), the body decoded by hand. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const coding = res.headers['content-encoding'];
        const body = coding === 'br' ? brotliDecompressSync(raw) : coding === 'gzip' ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode!, headers: res.headers, body: body.toString('utf8') });
      });
    })
      .on('error', reject)
      .end();
  });
}

// The page is served the way adapter-node serves one: writeHead, then streamed chunks.
const PAGE = `<!doctype html><html lang="fr"><body>${'<p>Ce qui manque à l’un, un voisin l’a souvent.</p>'.repeat(80)}</body></html>`;
function fakeSite(req: import('node:http').IncomingMessage, res: ServerResponse) {
  if (req.url === '/evenements') {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(`data: ${'x'.repeat(2000)}\n\n`);
    return void res.end();
  }
  if (req.url === '/petit') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>court</p>');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"page-1"', 'x-if-match-seen': String(req.headers['if-match']) });
  res.write(PAGE.slice(0, 500));
  res.end(PAGE.slice(500));
}

describe('npm start server: compressed text answers', () => {
  let database: Database;
  let server: Server;
  let base: string;
  const slug = DEMO_TERRITORY.slug;

  beforeAll(async () => {
    database = await openPglite('memory://');
    await migrate(database);
    await seedDemo(database);
    const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3999', LOG_LEVEL: 'silent', SECRETS_DIR: '/nonexistent' } as NodeJS.ProcessEnv);
    server = createHttpServer(siteAndApi(createServer(config, database), fakeSite));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database?.close();
  });

  it('prefers br, then gzip, and honours q=0', () => {
    expect(negotiate('gzip, deflate, br')).toBe('br');
    expect(negotiate('gzip, br;q=0.5')).toBe('gzip');
    expect(negotiate('br;q=0, gzip')).toBe('gzip');
    expect(negotiate('identity')).toBeNull();
    expect(negotiate('*')).toBe('br');
    expect(negotiate(undefined)).toBeNull();
  });

  it.each([
    ['a page', '/t/coeur-de-bigorre'],
    ['an API answer (JSON)', `/api/v1/territories/${slug}/listings?limit=100`],
    ['the listings feed (geo+json)', `/api/v1/territories/${slug}/listings.geojson`],
  ])('compresses %s with br or gzip, the decoded body identical to the plain one', async (_, path) => {
    const plain = await get(base, path);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const coding of ['br', 'gzip']) {
      const packed = await get(base, path, { 'accept-encoding': coding === 'br' ? 'gzip, deflate, br' : 'gzip' });
      expect(packed.status).toBe(200);
      expect(packed.headers['content-encoding']).toBe(coding);
      expect(packed.headers['content-length']).toBeUndefined();
      expect(packed.headers.vary).toMatch(/accept-encoding/i);
      expect(packed.body).toBe(plain.body);
      if (plain.headers.etag) expect(packed.headers.etag).toBe(plain.headers.etag.replace(/"$/, `+${coding}"`));
    }
  });

  it('keeps 304 for an ETag of the plain and of the compressed body', async () => {
    const path = `/api/v1/territories/${slug}/listings.geojson`;
    const plain = await get(base, path);
    const packed = await get(base, path, { 'accept-encoding': 'gzip' });
    expect(packed.headers.etag).not.toBe(plain.headers.etag);
    const again = await get(base, path, { 'accept-encoding': 'gzip', 'if-none-match': packed.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(packed.headers.etag);
    expect(again.body).toBe('');
    expect((await get(base, path, { 'if-none-match': plain.headers.etag! })).status).toBe(304);
    expect((await get(base, path, { 'accept-encoding': 'gzip', 'if-none-match': 'W/"autre"' })).status).toBe(200);
  });

  it('gives the handlers back their own tag in If-Match', async () => {
    const page = await get(base, '/t/x', { 'accept-encoding': 'br', 'if-match': '"3+br"' });
    expect(page.headers['x-if-match-seen']).toBe('"3"');
  });

  it('leaves small bodies, event streams and already encoded files alone', async () => {
    const small = await get(base, '/petit', { 'accept-encoding': 'br' });
    expect([small.headers['content-encoding'], small.body]).toEqual([undefined, '<p>court</p>']);
    const events = await get(base, '/evenements', { 'accept-encoding': 'br' });
    expect(events.headers['content-encoding']).toBeUndefined();
    expect(events.body).toBe(`data: ${'x'.repeat(2000)}\n\n`);
  });
});
