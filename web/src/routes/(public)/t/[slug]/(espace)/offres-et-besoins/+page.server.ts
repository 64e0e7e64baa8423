// « Offres et besoins »: filters in the address (a GET form), one explicit sort, and
// « Voir plus » through the API's cursor (?apres=…). Visitors get what the API shows
// them: the public listings only.
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { apiQuery, filtersSearch, readFilters } from '$lib/member/filters';
import { resolveNear } from '$lib/member/space.server';

export const load: PageServerLoad = async ({ locals, params, url, parent }) => {
  const { places } = await parent();
  const filters = readFilters(url.searchParams);
  // Sorting by distance needs a point: the territory's centre (or first place) unless one was chosen.
  if (filters.tri === 'proches' && !filters.pres && places.length > 0) filters.pres = places[0].value;
  const near = resolveNear(filters.pres, places);
  if (filters.pres && !near) filters.pres = '';
  const cursor = url.searchParams.get('apres') ?? undefined;
  const { data, response } = await locals.api.GET('/api/v1/territories/{slug}/listings', {
    params: { path: { slug: params.slug }, query: apiQuery(filters, near?.near ?? null, cursor) },
  });
  // A cursor from another search (the filters changed since): start again from the top.
  if (!data && cursor && response.status === 400) redirect(303, `${url.pathname}${filtersSearch(filters)}`);
  return {
    filters,
    near,
    items: data?.items ?? [],
    nextCursor: data?.nextCursor ?? null,
    continued: Boolean(cursor),
    unavailable: !data,
    welcome: url.searchParams.has('bienvenue'),
  };
};
