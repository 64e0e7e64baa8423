import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../shared/config';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi } from '../../tests/support/harness';
import { createMapWorld, HOME, HOSPITAL_PLACE, type MapWorld } from './map.fixtures';

type MapListing = { id: string; lat: number; lon: number; placedAt: string; approximate: boolean; organisation: { name: string | null } | null };

describe.each(DATABASE_KINDS)('the territory map on %s', (kind) => {
  let api: TestApi;
  let w: MapWorld;
  const map = (query = '', token?: string) => api.call('GET', `/api/v1/territories/${w.slug}/map${query}`, { token });
  const byId = (items: MapListing[]) => Object.fromEntries(items.map((l) => [l.id, l]));
  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true', MAP_TILE_URL: 'https://tuiles.example.fr/osm/{z}/{x}/{y}.png' });
    w = await createMapWorld(api);
  });
  afterAll(() => api?.close());

  it('places members’ listings, falls back on the structure’s place, and counts those with no place', async () => {
    const res = await map('', w.admin.token);
    expect(res.status).toBe(200);
    const found = byId(res.body.listings);
    expect(Object.keys(found).sort()).toEqual([w.listings.fleet, w.listings.fallback, w.listings.membersOnly, w.listings.personal].sort());
    expect(found[w.listings.fleet]).toMatchObject({ lat: 43.13, lon: 0.39, placedAt: 'listing', approximate: false });
    expect(found[w.listings.fallback]).toMatchObject({ ...HOSPITAL_PLACE, placedAt: 'organisation' });
    // Members know each other: the person's exact place and name.
    expect(found[w.listings.personal]).toMatchObject({ ...HOME, approximate: false, organisation: { name: 'Jeanne Particulière' } });
    expect(res.body.unplaced).toBe(1);
    expect(res.body.truncated).toBe(false);
    // Structures, never a particulier's home.
    expect(res.body.organisations).toEqual([
      expect.objectContaining({ name: 'Centre hospitalier de Lannemezan', kind: 'etablissement_sante', ...HOSPITAL_PLACE }),
    ]);
  });

  it('shows visitors the public open listings only, a person’s place rounded and their name withheld', async () => {
    const res = await map();
    expect(res.status).toBe(200);
    const found = byId(res.body.listings);
    expect(Object.keys(found).sort()).toEqual([w.listings.fleet, w.listings.fallback, w.listings.personal].sort());
    expect(found[w.listings.personal]).toMatchObject({ lat: 43.23, lon: 0.08, approximate: true, organisation: { name: null, kind: 'particulier' } });
    expect(found[w.listings.fallback]).toMatchObject({ ...HOSPITAL_PLACE, approximate: false });
    // The unplaced need is public too: visitors are told it exists.
    expect(res.body.unplaced).toBe(1);
    expect(JSON.stringify(res.body)).not.toContain('Jeanne');
    expect(res.body.organisations.map((o: { name: string }) => o.name)).toEqual(['Centre hospitalier de Lannemezan']);
  });

  it('applies the list’s filters: kind, category, exchange mode, status, words and distance', async () => {
    const ids = async (query: string) => (await map(query, w.admin.token)).body.listings.map((l: MapListing) => l.id).sort();
    expect(await ids('?kind=need')).toEqual([w.listings.fallback]);
    expect((await map('?kind=need', w.admin.token)).body.unplaced).toBe(1);
    expect(await ids('?category=materiel')).toEqual([w.listings.fallback]);
    expect(await ids('?exchangeMode=mutualisation')).toEqual([w.listings.fleet]);
    expect(await ids('?status=closed')).toEqual([w.listings.closed]);
    expect(await ids('?q=remorque')).toEqual([w.listings.personal]);
    expect(await ids('?near=43.23,0.08&radiusKm=5')).toEqual([w.listings.personal]);
    const bad = await map('?radiusKm=5', w.admin.token);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('near_required');
    expect((await map('?mine=true')).status).toBe(401);
    expect((await map('?kind=gift')).body.code).toBe('validation_failed');
  });

  it('tells the site which tiles to draw, from the configuration', async () => {
    const res = await api.call('GET', '/api/v1/instance');
    expect(res.body.map).toEqual({
      tileUrl: 'https://tuiles.example.fr/osm/{z}/{x}/{y}.png',
      attribution: '© les contributeurs d’OpenStreetMap',
      attributionUrl: 'https://www.openstreetmap.org/copyright',
    });
  });

  it('answers 404 for a private territory to outsiders, and shows it to its members', async () => {
    const res = await api.call('GET', `/api/v1/territories/${w.privateSlug}/map`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('territory_not_found');
    expect((await api.call('GET', `/api/v1/territories/${w.privateSlug}/map`, { token: w.person.token })).status).toBe(404);
    const own = await api.call('GET', `/api/v1/territories/${w.privateSlug}/map`, { token: w.admin.token });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ listings: [], organisations: [], unplaced: 0 });
  });
});

describe('the map tiles configuration', () => {
  it('defaults to OpenStreetMap with its attribution, and refuses a template the site’s CSP could not name', () => {
    const config = loadConfig({} as NodeJS.ProcessEnv);
    expect(config.MAP_TILE_URL).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(config.MAP_TILE_ATTRIBUTION).toContain('OpenStreetMap');
    for (const bad of ['https://{s}.tile.example.fr/{z}/{x}/{y}.png', 'https://tile.example.fr/{z}/{x}.png', 'ftp://tile.example.fr/{z}/{x}/{y}.png']) {
      expect(() => loadConfig({ MAP_TILE_URL: bad } as unknown as NodeJS.ProcessEnv), bad).toThrow(/MAP_TILE_URL/);
    }
  });
});
