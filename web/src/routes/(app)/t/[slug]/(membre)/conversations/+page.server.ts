// My conversations in this territory, the most recently active first, 20 at a time
// (?apres= is the API's cursor); ?annonce= keeps those of one listing.
import type { PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const annonce = url.searchParams.get('annonce') ?? '';
  const listingId = UUID.test(annonce) ? annonce : undefined;
  const cursor = url.searchParams.get('apres') ?? undefined;
  const { data } = await locals.api.GET('/api/v1/territories/{slug}/conversations', {
    params: { path: { slug: params.slug }, query: { listingId, limit: 20, cursor } },
  });
  return { items: data?.items ?? [], nextCursor: data?.nextCursor ?? null, listingId: listingId ?? null, continued: Boolean(cursor), unavailable: !data };
};
