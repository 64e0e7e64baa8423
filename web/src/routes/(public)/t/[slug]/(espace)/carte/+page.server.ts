// « Carte »: the same filters as « Offres et besoins » (in the address, a GET form), the
// places the API gives for them, and the tiles of the instance (GET /api/v1/instance,
// already loaded by the root layout). Visitors get what the API shows them.
import type { PageServerLoad } from './$types';
import { apiQuery, readFilters } from '$lib/member/filters';
import { resolveNear } from '$lib/member/space.server';

export const load: PageServerLoad = async ({ locals, params, url, parent }) => {
  const { places, instance } = await parent();
  const filters = readFilters(url.searchParams);
  const near = resolveNear(filters.pres, places);
  if (filters.pres && !near) filters.pres = '';
  // The map has no order and no pages: the list's query without them.
  const { sort: _sort, limit: _limit, cursor: _cursor, ...query } = apiQuery(filters, near?.near ?? null);
  const { data } = await locals.api
    .GET('/api/v1/territories/{slug}/map', { params: { path: { slug: params.slug }, query } })
    .catch(() => ({ data: undefined }));
  return {
    filters,
    near,
    map: data ?? null,
    tiles: instance?.map ?? null,
  };
};
