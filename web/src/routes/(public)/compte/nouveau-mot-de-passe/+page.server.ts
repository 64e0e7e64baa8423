// The link in the password-reset email lands here (functions/shared/mail/links.ts).
import type { Actions, PageServerLoad } from './$types';
import { apiFailure, readForm } from '$lib/server/forms';
import { endSession } from '$lib/server/session';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const values = await readForm(request, ['token', 'password']);
    const { error, response } = await locals.api.POST('/api/v1/auth/password-reset/confirm', {
      body: { token: values.token, password: values.password },
    });
    if (!response.ok) return apiFailure(response.status, error, values);
    // Every session of the account was revoked, this browser's too.
    endSession(cookies, url);
    return { done: true };
  },
};
