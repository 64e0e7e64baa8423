// My offers and needs in this territory, the ones still open first (?statut=terminees
// for the ones that ended), newest first, 20 at a time (?apres= is the API's cursor).
import type { PageServerLoad } from './$types';
import { STATUSES, type StatusWord } from '$lib/member/filters';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const word = url.searchParams.get('statut') ?? '';
  const statut: StatusWord = word in STATUSES ? (word as StatusWord) : 'en-cours';
  const cursor = url.searchParams.get('apres') ?? undefined;
  const { data } = await locals.api.GET('/api/v1/territories/{slug}/listings', {
    params: { path: { slug: params.slug }, query: { mine: 'true', status: STATUSES[statut], sort: 'newest', limit: 20, cursor } },
  });
  return { statut, items: data?.items ?? [], nextCursor: data?.nextCursor ?? null, continued: Boolean(cursor), unavailable: !data };
};
