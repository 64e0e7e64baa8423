// The territory logo through the API, stored by the folder store (the S3 store has its
// own unit tests): who may change it, what is accepted, how it is served and cached.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi, type TestUser } from '../../tests/support/harness';
import { addMember } from '../../tests/support/members';
import { buildFunction } from '../shared/http/function';
import territoriesFunction from './index';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 ');
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

/** A PNG of `size` bytes: the signature, then padding. */
function pngOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(PNG);
  return bytes;
}

describe.each(DATABASE_KINDS)('territory logo on %s', (kind) => {
  let api: TestApi;
  let objects: string;
  let admin: TestUser;
  let member: TestUser;
  let territory: { id: string; slug: string };
  const logo = () => `/api/v1/territories/${territory.slug}/logo`;
  const upload = (user: TestUser | null, body: Uint8Array, type: string) =>
    api.call('PUT', logo(), { token: user?.token, raw: body, headers: { 'content-type': type } });

  beforeAll(async () => {
    objects = mkdtempSync(join(tmpdir(), 'soliterr-logos-'));
    api = await createTestApi(kind, { OBJECTS_DIR: objects });
    admin = await api.signUp('Hélène Fourcade');
    member = await api.signUp('Lucas Pérès');
    territory = await api.createTerritory(admin);
    await addMember(api, territory.id, member);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(objects, { recursive: true, force: true });
  });

  it('has no logo at first', async () => {
    expect((await api.call('GET', `/api/v1/territories/${territory.slug}`)).body.logoUrl).toBeNull();
    const none = await api.call('GET', logo());
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('logo_not_found');
  });

  it('lets an admin upload a PNG that anyone then reads, with cache and safety headers', async () => {
    const put = await upload(admin, PNG, 'image/png');
    expect(put.status).toBe(200);
    expect(put.body.logoUrl).toMatch(new RegExp(`^/api/v1/territories/${territory.slug}/logo\\?v=\\d+$`));
    expect((await api.call('GET', `/api/v1/territories/${territory.slug}`)).body.logoUrl).toBe(put.body.logoUrl);

    const res = await api.call('GET', put.body.logoUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"logo-\d+"$/);
    const again = await api.call('GET', logo(), { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('serves the same bytes back', async () => {
    await upload(admin, JPEG, 'image/jpeg');
    const res = await fetchBytes(api, logo());
    expect(res.type).toBe('image/jpeg');
    expect(Array.from(res.bytes)).toEqual(Array.from(JPEG));
  });

  it('gives a new logoUrl for a new logo and removes the old bytes', async () => {
    const first = (await upload(admin, PNG, 'image/png')).body.logoUrl;
    await new Promise((r) => setTimeout(r, 5));
    const second = await upload(admin, WEBP, 'image/webp');
    expect(second.status).toBe(200);
    expect(second.body.logoUrl).not.toBe(first);
    expect(readdirSync(join(objects, 'territories', territory.id)).filter((f) => !f.endsWith('.type'))).toHaveLength(1);
  });

  it('lets a logo larger than the JSON body limit through, up to 512 KiB', async () => {
    expect((await upload(admin, pngOf(200 * 1024), 'image/png')).status).toBe(200);
    expect((await upload(admin, pngOf(512 * 1024), 'image/png')).status).toBe(200);
    const tooLarge = await upload(admin, pngOf(512 * 1024 + 1), 'image/png');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('logo_too_large');
  });

  it('refuses SVG, other types and bytes that are not what the type says', async () => {
    for (const [body, type] of [[SVG, 'image/svg+xml'], [PNG, 'image/gif'], [PNG, 'application/json'], [SVG, 'image/png'], [JPEG, 'image/webp'], [new Uint8Array(), 'image/png']] as const) {
      const res = await upload(admin, body, type);
      expect(res.status, `${type}`).toBe(415);
      expect(res.body.code).toBe('logo_type_unsupported');
    }
  });

  it('refuses members who are not admins and visitors, and changes nothing', async () => {
    const before = (await api.call('GET', `/api/v1/territories/${territory.slug}`)).body.logoUrl;
    const asMember = await upload(member, PNG, 'image/png');
    expect(asMember.status).toBe(403);
    expect(asMember.body.code).toBe('admin_only');
    expect((await api.call('DELETE', logo(), { token: member.token })).status).toBe(403);
    expect((await upload(null, PNG, 'image/png')).status).toBe(401);
    expect((await api.call('GET', `/api/v1/territories/${territory.slug}`)).body.logoUrl).toBe(before);
  });

  it('lets an admin remove the logo, and says so in the audit log', async () => {
    await upload(admin, PNG, 'image/png');
    const removed = await api.call('DELETE', logo(), { token: admin.token });
    expect(removed.status).toBe(200);
    expect(removed.body.logoUrl).toBeNull();
    expect((await api.call('GET', logo())).status).toBe(404);
    expect(existsSync(join(objects, 'territories', territory.id)) ? readdirSync(join(objects, 'territories', territory.id)) : []).toEqual([]);
    const audit = await api.call('GET', `/api/v1/territories/${territory.slug}/audit-log`, { token: admin.token });
    const logoEntries = audit.body.items.filter((e: { details: { fields?: string[] } }) => e.details.fields?.includes('logo'));
    expect(logoEntries[0].details).toMatchObject({ removed: true });
    expect(logoEntries.length).toBeGreaterThan(3);
  });

  it('keeps a private territory’s logo from visitors and shared caches', async () => {
    const secret = await api.createTerritory(admin, { visibility: 'private' });
    const put = await api.call('PUT', `/api/v1/territories/${secret.slug}/logo`, { token: admin.token, raw: PNG, headers: { 'content-type': 'image/png' } });
    expect(put.status).toBe(200);
    expect((await api.call('GET', put.body.logoUrl)).status).toBe(404);
    const own = await api.call('GET', put.body.logoUrl, { token: admin.token });
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, max-age=86400');
  });
});

async function fetchBytes(api: TestApi, path: string): Promise<{ type: string | null; bytes: Uint8Array }> {
  // The harness reads bodies as text: the bytes are read from the function itself.
  const res = await buildFunction(territoriesFunction, api.deps).request(path);
  return { type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}
