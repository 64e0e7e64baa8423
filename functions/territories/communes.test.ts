import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi } from '../../tests/support/harness';

// A stand-in for the national address base (api-adresse.data.gouv.fr) speaking its
// format: the real network is never called. What it answers depends on the query.
const feature = (name: string, postcode: string, citycode: string, context: string, lon: number, lat: number, type = 'municipality') => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { label: name, score: 0.96, id: citycode, type, name, postcode, citycode, x: 0, y: 0, population: 1200, city: name, context, importance: 0.5 },
});

function fakeBan(received: URLSearchParams[]): Promise<Server> {
  const server = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://ban').searchParams;
    received.push(params);
    const q = params.get('q') ?? '';
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (q === 'Panne' || q === 'Lour') return void res.writeHead(502).end('Bad Gateway');
    if (q === 'Silence') return; // never answers: the timeout must end it
    if (q === 'Charabia') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"type": "FeatureCol');
    if (q === 'Piege') {
      return json({ type: 'FeatureCollection', features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: ['<script>', 43] }, properties: { type: 'municipality', name: 'Piège', context: '65, X' } },
        feature('Piège', '65000', '65999', 'Hautes-Pyrénées', 0.1, 43.2), // no département code: not France as we know it
        feature('Rue du Piège', '65000', '65440', '65, Hautes-Pyrénées, Occitanie', 0.1, 43.2, 'street'),
      ] });
    }
    if (q.startsWith('Bagn')) {
      return json({ type: 'FeatureCollection', version: 'draft', query: q, features: [
        feature('Bagnols-sur-Cèze', '30200', '30028', '30, Gard, Occitanie', 4.6199, 44.1623),
        feature('Bagnols', '69620', '69017', '69, Rhône, Auvergne-Rhône-Alpes', 4.6092, 45.9154),
      ] });
    }
    json({ type: 'FeatureCollection', features: [] });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.each(DATABASE_KINDS)('commune search on %s', (kind) => {
  let api: TestApi;
  let ban: Server;
  const received: URLSearchParams[] = [];
  const search = (q: string) => api.call('GET', `/api/v1/communes?q=${encodeURIComponent(q)}`, { allowServerError: true });

  beforeAll(async () => {
    ban = await fakeBan(received);
    const { port } = ban.address() as AddressInfo;
    api = await createTestApi(kind, { GEOCODER_URL: `http://127.0.0.1:${port}`, GEOCODER_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await api?.close();
    ban?.closeAllConnections();
    await new Promise((resolve) => ban?.close(resolve));
  });

  it('finds "St Lary" as Saint-Lary-Soulan in the built-in list, without accents or case', async () => {
    const res = await search('st lary');
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('builtin');
    expect(res.body.items[0]).toEqual({ name: 'Saint-Lary-Soulan', postcode: null, inseeCode: null, departement: '65', lat: 42.8169, lon: 0.3225 });
    const accents = await search('BAGNERES DE BIGORRE');
    expect(accents.body.items.map((c: { name: string }) => c.name)).toContain('Bagnères-de-Bigorre');
  });

  it('does not ask the address base when the list has the commune exactly', async () => {
    const before = received.length;
    const res = await search('séméac');
    expect(res.body).toMatchObject({ source: 'builtin', items: [{ name: 'Séméac', departement: '65' }] });
    expect(received.length).toBe(before);
  });

  it('finds a commune outside the list through the address base, sending only its name', async () => {
    const res = await search('Bagnols (30)');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      source: 'ban',
      items: [{ name: 'Bagnols-sur-Cèze', postcode: '30200', inseeCode: '30028', departement: '30', lat: 44.1623, lon: 4.6199 }],
    });
    const sent = received.at(-1)!;
    expect(sent.get('q')).toBe('Bagnols');
    expect(sent.get('type')).toBe('municipality');
    expect([...sent.keys()].sort()).toEqual(['autocomplete', 'limit', 'q', 'type']);
  });

  it('answers from the list when the address base is down, a problem only when nothing can be answered', async () => {
    // "Lour" is no exact name of the list, so the base is asked, and fails: the list answers.
    const partial = await search('Lour');
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ source: 'builtin', items: [{ name: 'Lourdes', departement: '65' }] });
    expect(received.at(-1)!.get('q')).toBe('Lour');
    for (const q of ['Panne', 'Silence']) {
      const res = await search(q);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('geocoder_unavailable');
      expect(res.body.detail).toMatch(/ne répond pas/);
    }
  });

  it('refuses an answer of the address base that is not its format, or not a French commune', async () => {
    const garbage = await search('Charabia');
    expect(garbage.status).toBe(503);
    expect(garbage.body.code).toBe('geocoder_unavailable');
    const trap = await search('Piege');
    expect(trap.status).toBe(200);
    expect(trap.body).toEqual({ source: 'ban', items: [] });
  });

  it('refuses a query too short, too long or missing, as a problem', async () => {
    for (const path of ['/api/v1/communes?q=T', '/api/v1/communes?q=%20%20', `/api/v1/communes?q=${'a'.repeat(101)}`, '/api/v1/communes', '/api/v1/communes?q=Tarbes&x=1']) {
      const res = await api.call('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
