import type { Actions } from './$types';
import { apiFailure, readForm } from '$lib/server/forms';

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const values = await readForm(request, ['email']);
    // The API answers 202 whether or not the address has an account.
    const { error, response } = await locals.api.POST('/api/v1/auth/password-reset', { body: { email: values.email } });
    if (!response.ok) return apiFailure(response.status, error, values);
    return { sent: true };
  },
};
