import type { PageServerLoad } from './$types';

// The directory of public territories, searched with ?q= (a GET form: works without JS).
export const load: PageServerLoad = async ({ locals, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const result = await locals.api
    .GET('/api/v1/territories', { params: { query: { q: q || undefined, limit: 50 } } })
    .catch(() => null);
  return {
    q,
    territories: result?.data?.items ?? [],
    directoryAvailable: Boolean(result?.data),
  };
};
