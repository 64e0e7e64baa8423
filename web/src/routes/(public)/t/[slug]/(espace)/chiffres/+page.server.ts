// The territory's figures from its confirmed cooperations: anyone for a public territory,
// active members for a private one (the API decides; docs/decisions/010).
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { data, response } = await locals.api.GET('/api/v1/territories/{slug}/figures', { params: { path: { slug: params.slug } } });
  if (!data) error(response.status === 404 ? 404 : 503, { message: response.status === 404 ? 'Not found' : 'Unavailable' });
  return { figures: data };
};
