import type { PageServerLoad } from './$types';
import { loadTerritory } from '$lib/server/territory';

// A territory's public page: its presentation, charter, and the offers and needs the
// caller may see (visitors: the public ones only — the API decides).
export const load: PageServerLoad = async ({ locals, params }) => {
  const territory = await loadTerritory(locals.api, params.slug);
  const listings = (kind: 'offer' | 'need') =>
    locals.api
      .GET('/api/v1/territories/{slug}/listings', { params: { path: { slug: params.slug }, query: { kind, limit: 12, sort: 'newest' } } })
      .then((r) => r.data?.items ?? null, () => null);
  const [offers, needs] = await Promise.all([listings('offer'), listings('need')]);
  return { territory, offers, needs, signedIn: locals.user !== null };
};
