// The cooperations: mine (all statuses, ?vue=miennes, the default) or the territory's
// confirmed ones (?vue=confirmees), newest first, 20 at a time (?apres= is the API's cursor).
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const vue = url.searchParams.get('vue') === 'confirmees' ? 'confirmees' : 'miennes';
  const cursor = url.searchParams.get('apres') ?? undefined;
  const query = vue === 'confirmees' ? { status: 'confirmed' as const } : { mine: 'true' as const };
  const { data } = await locals.api.GET('/api/v1/territories/{slug}/cooperations', {
    params: { path: { slug: params.slug }, query: { ...query, limit: 20, cursor } },
  });
  return { vue, items: data?.items ?? [], nextCursor: data?.nextCursor ?? null, continued: Boolean(cursor), unavailable: !data };
};
