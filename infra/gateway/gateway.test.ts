import { type AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, httpUpstream } from './gateway';
import { type GatewayServer, functionUrls, startGatewayServer } from './server';

interface Seen {
  path: string;
  headers: Record<string, string>;
}

/** An upstream that answers with what it received. */
function echoUpstream(seen: Seen[]) {
  return async (request: Request) => {
    const url = new URL(request.url);
    seen.push({ path: url.pathname + url.search, headers: Object.fromEntries(request.headers) });
    return Response.json({ ok: true });
  };
}

describe('gateway', () => {
  it('routes public paths by openfaas.yml and /function/<name>/ directly', async () => {
    const seen: Seen[] = [];
    const gateway = createGateway({ auth: echoUpstream(seen) });
    expect((await gateway.fetch(new Request('http://soliterr.test/api/v1/me?x=1'))).status).toBe(200);
    expect((await gateway.fetch(new Request('http://soliterr.test/function/auth/api/v1/me'))).status).toBe(200);
    expect(seen.map((s) => s.path)).toEqual(['/api/v1/me?x=1', '/api/v1/me']);
    const missing = await gateway.fetch(new Request('http://soliterr.test/function/nope/x'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('appends the peer address to X-Forwarded-For and drops hop-by-hop headers', async () => {
    const seen: Seen[] = [];
    const gateway = createGateway({ auth: echoUpstream(seen) });
    const headers = { 'x-forwarded-for': '203.0.113.7', 'keep-alive': 'timeout=5', te: 'trailers' };
    await gateway.fetch(new Request('http://soliterr.test/api/v1/me', { headers }), '198.51.100.2');
    await gateway.fetch(new Request('http://soliterr.test/api/v1/me'), '198.51.100.3');
    expect(seen[0].headers['x-forwarded-for']).toBe('203.0.113.7, 198.51.100.2');
    expect(seen[1].headers['x-forwarded-for']).toBe('198.51.100.3');
    expect(seen[0].headers).not.toHaveProperty('keep-alive');
    expect(seen[0].headers).not.toHaveProperty('te');
    expect(seen[0].headers['x-forwarded-host']).toBe('soliterr.test');
    expect(seen[0].headers['x-forwarded-proto']).toBe('http');
  });

  it('reads FUNCTION_URLS and defaults the others to the OpenFaaS gateway', () => {
    const urls = functionUrls({ FUNCTION_URLS: 'auth=http://127.0.0.1:3001', OPENFAAS_URL: 'http://faas:8080/' });
    expect(urls.auth).toBe('http://127.0.0.1:3001');
    expect(urls.docs).toBe('http://faas:8080/function/docs');
    expect(() => functionUrls({ FUNCTION_URLS: 'auth' })).toThrow(/name=url/);
  });
});

describe('gateway server on a real port', () => {
  const seen: Seen[] = [];
  let upstream: ReturnType<typeof serve>;
  let gateway: GatewayServer;
  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      upstream = serve({ fetch: echoUpstream(seen), port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    });
    // A base path, as when the upstream is a real OpenFaaS gateway.
    gateway = await startGatewayServer({ urls: { auth: `http://127.0.0.1:${port}/function/auth` } });
  });
  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it('forwards over HTTP with the connection peer as the last X-Forwarded-For hop', async () => {
    const res = await fetch(`${gateway.url}/api/v1/me/sessions?limit=2`, {
      method: 'POST',
      headers: { 'x-forwarded-for': '10.9.8.7', 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'monde' }),
    });
    expect(res.status).toBe(200);
    expect(seen.at(-1)?.path).toBe('/function/auth/api/v1/me/sessions?limit=2');
    expect(seen.at(-1)?.headers['x-forwarded-for']).toBe('10.9.8.7, 127.0.0.1');
  });

  it('answers 502 problem+json when a function does not answer', async () => {
    const dead = createGateway({ auth: httpUpstream('http://127.0.0.1:9') });
    const res = await dead.fetch(new Request('http://soliterr.test/api/v1/me'));
    expect(res.status).toBe(502);
    expect(((await res.json()) as { code: string }).code).toBe('function_unavailable');
  });
});
