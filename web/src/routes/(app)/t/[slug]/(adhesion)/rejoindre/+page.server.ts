// Asking to join: the charter, read and explicitly accepted, and a few words for the
// facilitators who validate newcomers (no anonymous accounts, no free riders).
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ parent }) => {
  const { territory } = await parent();
  const status = territory.myMembership?.status;
  if (status === 'active') redirect(303, `/t/${territory.slug}/offres-et-besoins`);
  if (status === 'pending') redirect(303, `/t/${territory.slug}/en-attente`);
  return {};
};

export const actions: Actions = {
  default: async ({ locals, params, request }) => {
    const values = await readForm(request, ['acceptCharter', 'message']);
    if (values.acceptCharter !== 'true') {
      return fail(422, { message: m.member_join_charter_required(), fields: { acceptCharter: m.member_join_charter_required() }, values });
    }
    const { data, error, response } = await locals.api.POST('/api/v1/territories/{slug}/memberships', {
      params: { path: { slug: params.slug } },
      body: { acceptCharter: true, message: values.message.trim() || undefined },
    });
    if (error?.code === 'already_member') redirect(303, `/t/${params.slug}/en-attente`);
    if (!data) return apiFailure(response.status, error, values);
    redirect(303, data.status === 'active' ? `/t/${params.slug}/offres-et-besoins?bienvenue=1` : `/t/${params.slug}/en-attente?envoyee=1`);
  },
};
