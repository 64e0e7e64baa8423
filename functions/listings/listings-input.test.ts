import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi } from '../../tests/support/harness';
import { createNetwork, DEMO, type Network, post } from './listings.fixtures';

describe.each(DATABASE_KINDS)('listing input on %s', (kind) => {
  let api: TestApi;
  let net: Network;
  let valid: Record<string, unknown>;
  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    net = await createNetwork(api);
    const { category, ...body } = DEMO.fruit;
    valid = { ...body, categoryId: net.categories[category] };
  });
  afterAll(() => api?.close());

  const expectProblem = (res: { status: number; headers: Headers; body: any }, status: number, code?: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    if (code) expect(res.body.code).toBe(code);
  };

  it('refuses malformed bodies with 400 and incoherent ones with 422, writing nothing', async () => {
    const token = net.jams.user.token;
    const send = (body: Record<string, unknown>) => api.call('POST', net.base, { token, body: { ...valid, ...body } });
    for (const bad of [
      { availableFrom: '2027-13-01' },
      { availableUntil: '30/09/2027' },
      { sponsor: 'unknown field' },
      { exchangeModes: [] },
      { exchangeModes: ['pret', 'pret'] },
      { exchangeModes: ['troc'] },
      { kind: 'gift' },
      { title: 'ab' },
      { title: 'x'.repeat(141) },
      { quantity: -1 },
      { unit: 'u'.repeat(31) },
      { lat: 91, lon: 0 },
      { categoryId: 'not-a-uuid' },
      { visibility: 'everyone' },
    ]) {
      expectProblem(await send(bad), 400, 'validation_failed');
    }
    const withoutUnit = await send({ unit: undefined });
    expectProblem(withoutUnit, 422, 'inconsistent_listing');
    expect(withoutUnit.body.errors).toEqual([expect.objectContaining({ path: 'unit', code: 'unit_required' })]);
    expectProblem(await send({ availableFrom: '2027-10-01', availableUntil: '2027-09-30' }), 422, 'inconsistent_listing');
    expectProblem(await send({ lat: 43.2, lon: undefined }), 422, 'inconsistent_listing');
    const malformed = await api.call('POST', net.base, { token, raw: '{"kind": "offer",', headers: { 'content-type': 'application/json' } });
    expectProblem(malformed, 400);
    const notJson = await api.call('POST', net.base, { token, raw: 'kind=offer', headers: { 'content-type': 'text/plain' } });
    expectProblem(notJson, 415);
    const mine = await api.call('GET', `${net.base}?mine=true&status=all`, { token });
    expect(mine.body.items).toEqual([]);
  });

  it('validates path, query, headers and cursors without ever answering 500', async () => {
    const listing = await post(api, net, net.jams, 'fruit');
    const token = net.jams.user.token;
    expectProblem(await api.call('GET', `${net.base}/not-a-uuid`, { token }), 400, 'validation_failed');
    expectProblem(await api.call('GET', `${net.base}/${crypto.randomUUID()}`, { token }), 404, 'listing_not_found');
    expectProblem(await api.call('PATCH', `${net.base}/${listing.id}`, { token, body: { version: 1, kind: 'offer' } }), 400);
    expectProblem(await api.call('PATCH', `${net.base}/${listing.id}`, { token, body: { version: 0, title: 'Titre' } }), 400);
    expectProblem(await api.call('PATCH', `${net.base}/${listing.id}`, { token, body: { version: 1, status: 'closed' } }), 400);
    for (const query of [
      'categoryId=nope',
      'organisationId=123',
      'authorMembershipId=x',
      'status=open,archived',
      'exchangeMode=troc',
      'kind=both',
      'limit=0',
      'limit=101',
      'limit=abc',
      'sort=popular',
      'near=43.2',
      'near=95,0',
      'near=43.2,0.1&radiusKm=0.5',
      'near=43.2,0.1&radiusKm=500',
      'mine=yes',
      'page=2',
      // A category slug is a slug: NUL once reached the database (422 from PostgreSQL).
      'category=a%00b',
      'category=V%C3%A9hicules',
    ]) {
      const res = await api.call('GET', `${net.base}?${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expectProblem(await api.call('GET', `${net.base}?sort=nearest`, { token }), 400, 'near_required');
    expectProblem(await api.call('GET', `${net.base}?radiusKm=10`, { token }), 400, 'near_required');
    expectProblem(await api.call('GET', `${net.base}?mine=true`), 401);
    for (const cursor of ['bm90LWpzb24', 'W10', '!!!', Buffer.from('["newest","x","y","z"]').toString('base64url')]) {
      expectProblem(await api.call('GET', `${net.base}?cursor=${cursor}`, { token }), 400, 'invalid_cursor');
    }
    const q = await api.call('GET', `${net.base}?q=${encodeURIComponent('"confitures" -fraises OR (')}`, { token });
    expect(q.status).toBe(200);
  });
});
