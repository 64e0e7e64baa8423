import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTER_TEMPLATE } from '../../schemas/db/defaults';
import { createTestApi, type TestApi } from '../../tests/support/harness';

// No database kind matters here: the answer comes from the configuration only.
describe('the instance: who hosts it', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi('pglite', { HOSTING_OPERATOR: 'Syndicat mixte du numérique 65', HOSTING_LOCATION: 'Tarbes, France' });
  });
  afterAll(() => api?.close());

  it('says who operates it and where the servers are, to anyone', async () => {
    const res = await api.call('GET', '/api/v1/instance');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      software: 'SoliTERR',
      version: expect.any(String),
      operator: 'Syndicat mixte du numérique 65',
      location: 'Tarbes, France',
      licence: 'AGPL-3.0-or-later',
      charterTemplate: CHARTER_TEMPLATE,
      // The map's tiles (MAP_TILE_*; functions/map/map.test.ts checks them).
      map: { tileUrl: expect.stringContaining('{z}'), attribution: expect.any(String), attributionUrl: expect.any(String) },
    });
  });

  it('gives the charter template a new territory starts from, the same one the API would use', async () => {
    const res = await api.call('GET', '/api/v1/instance');
    const template = (res.body as { charterTemplate: string }).charterTemplate;
    expect(template.startsWith('Charte du territoire')).toBe(true);
    expect(template).toContain('pas de compte anonyme');
  });
});
