// While a membership request waits for the facilitators: what happens next and who
// decides; after a refusal, their message and the way to ask again.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { apiFailure } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { data, response } = await locals.api.GET('/api/v1/territories/{slug}/memberships/me', { params: { path: { slug: params.slug } } });
  if (!data) {
    if (response.status === 404) redirect(303, `/t/${params.slug}/rejoindre`);
    return { membership: null, sent: false };
  }
  if (data.status === 'active') redirect(303, `/t/${params.slug}/offres-et-besoins`);
  if (data.status === 'left') redirect(303, `/t/${params.slug}/rejoindre`);
  return { membership: data, sent: url.searchParams.has('envoyee') };
};

export const actions: Actions = {
  retirer: async ({ locals, params }) => {
    const { error, response } = await locals.api.POST('/api/v1/territories/{slug}/memberships/me/leave', { params: { path: { slug: params.slug } } });
    if (!response.ok) return apiFailure(response.status, error, {});
    redirect(303, `/t/${params.slug}`);
  },
};
