import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, ORIGIN, type TestApi } from '../../tests/support/harness';
import { createMapWorld, HOME, HOSPITAL_PLACE, type MapWorld } from './map.fixtures';

type Feature = { id: string; geometry: { type: string; coordinates: [number, number] }; properties: Record<string, unknown> };

describe.each(DATABASE_KINDS)('the public GeoJSON feed (uMap) on %s', (kind) => {
  let api: TestApi;
  let w: MapWorld;
  const feed = (query = '', headers: Record<string, string> = {}, token?: string) =>
    api.call('GET', `/api/v1/territories/${w.slug}/listings.geojson${query}`, { headers, token });
  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    w = await createMapWorld(api);
  });
  afterAll(() => api?.close());

  it('is a GeoJSON FeatureCollection of the public open listings, [lon, lat], with properties for uMap', async () => {
    const res = await feed('', { origin: 'https://umap.openstreetmap.fr' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.body.type).toBe('FeatureCollection');
    const features: Feature[] = res.body.features;
    const byId = Object.fromEntries(features.map((f) => [f.id, f]));
    expect(Object.keys(byId).sort()).toEqual([w.listings.fleet, w.listings.fallback, w.listings.personal].sort());
    expect(byId[w.listings.fleet]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [0.39, 43.13] },
      properties: {
        name: 'Prêt de véhicules du parc hospitalier',
        kind: 'Offre',
        category: 'Véhicules et mobilité',
        exchangeModes: 'Prêt, Mutualisation',
        commune: 'Lannemezan',
        structure: 'Centre hospitalier de Lannemezan',
        url: `${ORIGIN}/t/${w.slug}/annonces/${w.listings.fleet}`,
        approximate: false,
        _umap_options: { color: expect.stringMatching(/^#[0-9a-f]{6}$/) },
      },
    });
    expect(byId[w.listings.fleet].properties.description).toContain(`[[${ORIGIN}/t/${w.slug}/annonces/${w.listings.fleet}|`);
    expect(byId[w.listings.fallback]).toMatchObject({ geometry: { coordinates: [HOSPITAL_PLACE.lon, HOSPITAL_PLACE.lat] }, properties: { kind: 'Besoin' } });
  });

  it('carries no personal data: no person’s name or email, a particulier’s place rounded to ~1 km', async () => {
    // Signed in as the person themself: the feed is the same for everyone.
    for (const token of [undefined, w.person.token]) {
      const res = await feed('', {}, token);
      const text = JSON.stringify(res.body);
      for (const secret of [w.person.name, w.person.email, w.admin.name, w.admin.email, 'Jeanne', String(HOME.lat), String(HOME.lon), '43.2346', '0.0789']) {
        expect(text).not.toContain(secret);
      }
      const personal = res.body.features.find((f: Feature) => f.id === w.listings.personal);
      expect(personal.geometry.coordinates).toEqual([0.08, 43.23]);
      expect(personal.properties).toMatchObject({ structure: null, approximate: true });
      for (const f of res.body.features as Feature[]) {
        if (f.properties.approximate) for (const c of f.geometry.coordinates) expect(Math.round(c * 100) / 100).toBe(c);
      }
    }
  });

  it('filters by bbox (minLon,minLat,maxLon,maxLat) and refuses a malformed one with a 400 that other sites can read', async () => {
    const ids = async (bbox: string) => (await feed(`?bbox=${bbox}`)).body.features.map((f: Feature) => f.id).sort();
    expect(await ids('0.3,43,0.5,43.2')).toEqual([w.listings.fleet, w.listings.fallback].sort());
    expect(await ids('0,43.2,0.1,43.3')).toEqual([w.listings.personal]);
    expect(await ids('10,40,11,41')).toEqual([]);
    // Crossing the antimeridian: everything except 0.1…179 east.
    expect(await ids('179,-90,0.1,90')).toEqual([w.listings.personal]);
    for (const bbox of ['1,2,3', '0,43.3,0.1,43.2', 'a,b,c,d', '0,91,1,92', '200,0,201,1', '']) {
      const res = await feed(`?bbox=${bbox}`);
      expect(res.status, bbox).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.body.code).toBe('validation_failed');
    }
    expect((await feed('?limit=3')).status).toBe(400);
  });

  it('answers a CORS preflight, and 304 to If-Modified-Since / If-None-Match until a listing changes', async () => {
    const pre = await api.call('OPTIONS', `/api/v1/territories/${w.slug}/listings.geojson`, {
      headers: { origin: 'https://umap.openstreetmap.fr', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');

    const first = await feed();
    const lastModified = first.headers.get('last-modified')!;
    const etag = first.headers.get('etag')!;
    expect(new Date(lastModified).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
    const again = await feed('', { 'if-modified-since': lastModified });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect((await feed('', { 'if-none-match': etag })).status).toBe(304);
    expect((await feed('', { 'if-modified-since': new Date(Date.parse(lastModified) - 5000).toUTCString() })).status).toBe(200);
    expect((await feed('', { 'if-modified-since': 'not a date' })).status).toBe(200);

    // A listing leaves the feed: the ETag notices it even if no remaining date moved.
    await api.call('POST', `/api/v1/territories/${w.slug}/listings/${w.listings.personal}/close`, { token: w.person.token });
    const after = await feed('', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.body.features.map((f: Feature) => f.id)).not.toContain(w.listings.personal);
  });

  it('is 404 for a private or unknown territory', async () => {
    for (const slug of [w.privateSlug, 'territoire-inconnu']) {
      for (const token of [undefined, w.admin.token]) {
        const res = await api.call('GET', `/api/v1/territories/${slug}/listings.geojson`, { token });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('territory_not_found');
        expect(res.headers.get('access-control-allow-origin')).toBe('*');
      }
    }
  });
});
