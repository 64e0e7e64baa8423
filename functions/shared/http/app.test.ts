// The app factory's own refusals, on an app with one test route and no database (no
// session token is sent, so nothing reaches it).
import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createApp } from './app';
import type { Deps } from './deps';
import { createLogger } from './logger';

const echo = createRoute({
  method: 'post',
  path: '/echo',
  request: { body: { required: true, content: { 'application/json': { schema: z.strictObject({ name: z.string() }) } } } },
  responses: { 200: { description: 'the name', content: { 'application/json': { schema: z.object({ name: z.string() }) } } } },
});

function app() {
  const deps = { config: loadConfig({ NODE_ENV: 'test', SECRETS_DIR: '/nonexistent' } as NodeJS.ProcessEnv), logger: createLogger('silent') } as Deps;
  const a = createApp(deps);
  a.openapi(echo, (c) => c.json({ name: c.req.valid('json').name }, 200));
  return a;
}

const post = (body: Uint8Array) =>
  app().request('/echo', { method: 'POST', body, headers: { 'content-type': 'application/json', 'content-length': String(body.byteLength) } });
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('request bodies', () => {
  it('are read as UTF-8, whatever the script', async () => {
    const res = await post(bytes('{"name":"Cœur de Bigorre 👩‍🌾 \u202Eمرحبا"}'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'Cœur de Bigorre 👩‍🌾 \u202Eمرحبا' });
  });

  it('that are not UTF-8 are refused with 400, not stored as U+FFFD', async () => {
    for (const invalid of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe, 0xff]]) {
      const res = await post(bytes('{"name":"avant', invalid, 'après"}'));
      expect(res.status, invalid.join(' ')).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 400, code: 'malformed_request' });
    }
  });
});
