// « Besoins sans réponse »: open needs nobody answered and no offer matches closely,
// oldest first, for facilitators to follow up (GET …/unmatched-needs). The admin layout
// already refused anyone who is not an admin or facilitator of the territory.
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { data } = await locals.api
    .GET('/api/v1/territories/{slug}/unmatched-needs', { params: { path: { slug: params.slug }, query: { limit: 50 } } })
    .catch(() => ({ data: undefined }));
  return { needs: data?.items ?? null };
};
