// Change my password: the current one first; the API then closes my other sessions.
import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm } from '$lib/server/forms';

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const values = await readForm(request, ['currentPassword', 'newPassword', 'confirmPassword']);
    if (values.newPassword !== values.confirmPassword) {
      return fail(422, { message: m.account_password_check(), fields: { confirmPassword: m.account_password_mismatch() } as Record<string, string>, values: {} });
    }
    const { error, response } = await locals.api.POST('/api/v1/me/password', {
      body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
    });
    if (response.status === 403 && error?.code === 'wrong_password') {
      return fail(403, { message: m.account_password_check(), fields: { currentPassword: m.account_password_wrong() } as Record<string, string>, values: {} });
    }
    if (!response.ok) return apiFailure(response.status, error, values);
    return { changed: true };
  },
};
