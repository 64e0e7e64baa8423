import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from './api-types';

describe('the site’s generated API types', () => {
  it('match the current route definitions (run `npm run web:api-types` after changing a route)', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    expect(committed === (await renderApiTypes()), 'web/src/lib/api/schema.d.ts is stale: run `npm run web:api-types`').toBe(true);
  });

  it('describe the operations the site calls', async () => {
    const types = await renderApiTypes();
    for (const path of ['"/api/v1/auth/login"', '"/api/v1/territories/{slug}/listings"', '"/api/v1/me"']) {
      expect(types).toContain(path);
    }
  });
});
