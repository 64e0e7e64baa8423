// GET /api/v1/communes: a commune's centre, for the territory forms. The built-in list
// answers first (no third party); only when it has no commune of exactly that name, and
// a geocoder is configured, the national address base (BAN) is asked. Nothing is kept
// in memory: functions are stateless, and BAN is bounded by a per-IP rate limit.
import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { CommuneQuery, CommuneSearchResult } from '../../schemas/api';
import { type Commune, searchBuiltin, splitTyped } from '../../schemas/geo/communes';
import { type CommuneHit, GeocoderUnavailable, searchBan } from '../shared/geo/ban';
import type { AppEnv } from '../shared/http/deps';
import { ANYONE, errors, jsonResponse } from '../shared/http/openapi';
import { ApiError } from '../shared/http/problems';
import { hit, LIMITS } from '../shared/http/rate-limit';
import { clientIp } from '../shared/http/request';

export const searchCommunes = createRoute({
  method: 'get', path: '/api/v1/communes', operationId: 'searchCommunes', tags: ['Territoires'], security: ANYONE,
  summary: 'Chercher une commune (nom, code postal, département, coordonnées du centre)',
  description:
    "La liste intégrée (préfectures et Hautes-Pyrénées) répond d'abord ; sinon la Base Adresse Nationale " +
    "(api-adresse.data.gouv.fr), si l'instance l'autorise (`GEOCODER_URL`). Si elle ne répond pas, la liste " +
    'intégrée répond seule (`source: builtin`) ; 503 `geocoder_unavailable` seulement quand rien ne peut être répondu.',
  request: { query: CommuneQuery },
  responses: { 200: jsonResponse(CommuneSearchResult, 'Communes trouvées (cinq au plus)'), ...errors(400, 429, 503) },
});

const fromList = (c: Commune): CommuneHit => ({ name: c.name, postcode: null, inseeCode: null, departement: c.dep, lat: c.lat, lon: c.lon });

export const searchCommunesHandler: RouteHandler<typeof searchCommunes, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const { q } = c.req.valid('query');
  await hit(deps.database, LIMITS.communes, clientIp(c), deps.config.RATE_LIMIT_DISABLED);
  const builtin = searchBuiltin(q);
  const listAnswer = { items: builtin.items.map(fromList), source: 'builtin' as const };
  if (builtin.exact || !deps.config.GEOCODER_URL) return c.json(listAnswer, 200);
  const { name, dep } = splitTyped(q);
  try {
    const hits = (await searchBan(deps.config.GEOCODER_URL, name, deps.config.GEOCODER_TIMEOUT_MS)).filter(
      (h) => !dep || h.departement === dep,
    );
    if (hits.length === 0 && listAnswer.items.length > 0) return c.json(listAnswer, 200);
    return c.json({ items: hits, source: 'ban' as const }, 200);
  } catch (error) {
    if (!(error instanceof GeocoderUnavailable)) throw error;
    deps.logger.warn('geocoder unavailable', { reason: error.message });
    if (listAnswer.items.length > 0) return c.json(listAnswer, 200);
    throw new ApiError(
      503,
      'geocoder_unavailable',
      'La recherche des communes ne répond pas pour le moment : choisissez une commune de la liste proposée, ou réessayez dans quelques minutes.',
    );
  }
};
