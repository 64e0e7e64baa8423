import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { apiFailure, readForm } from '$lib/server/forms';
import { safeReturnPath } from '$lib/server/redirects';
import { startSession } from '$lib/server/session';

export const load: PageServerLoad = ({ locals, url }) => {
  const retour = safeReturnPath(url.searchParams.get('retour'), '/compte');
  if (locals.user) redirect(303, retour);
  return { retour };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const values = await readForm(request, ['email', 'password', 'retour']);
    const { data, error, response } = await locals.api.POST('/api/v1/auth/login', {
      body: { email: values.email, password: values.password },
    });
    if (!data) return apiFailure(response.status, error, values);
    startSession(cookies, url, data);
    redirect(303, safeReturnPath(values.retour, '/compte'));
  },
};
