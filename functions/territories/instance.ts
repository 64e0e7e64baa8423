// GET /api/v1/instance: who operates this instance and where its servers are, so every
// page of the site can say it (PRODUCT.md: known hosting). Read from the configuration.
import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { InstanceInfo } from '../../schemas/api';
import { CHARTER_TEMPLATE } from '../../schemas/db/defaults';
import type { AppEnv } from '../shared/http/deps';
import { ANYONE, errors, jsonResponse } from '../shared/http/openapi';

const VERSION = '0.1.0';

export const getInstance = createRoute({
  method: 'get', path: '/api/v1/instance', operationId: 'getInstance', tags: ['Territoires'], security: ANYONE,
  summary: "L'instance : qui l'exploite et où sont les serveurs",
  responses: { 200: jsonResponse(InstanceInfo, "L'instance"), ...errors() },
});

export const instanceHandler: RouteHandler<typeof getInstance, AppEnv> = (c) => {
  const { config } = c.get('deps');
  c.header('cache-control', 'public, max-age=300');
  return c.json(
    {
      software: 'SoliTERR' as const,
      version: VERSION,
      operator: config.HOSTING_OPERATOR,
      location: config.HOSTING_LOCATION,
      licence: 'AGPL-3.0-or-later' as const,
      charterTemplate: CHARTER_TEMPLATE,
      map: { tileUrl: config.MAP_TILE_URL, attribution: config.MAP_TILE_ATTRIBUTION, attributionUrl: config.MAP_TILE_ATTRIBUTION_URL },
    },
    200,
  );
};
