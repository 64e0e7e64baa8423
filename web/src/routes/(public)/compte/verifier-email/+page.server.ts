// The link in the verification email lands here (functions/shared/mail/links.ts). Opening
// it does nothing by itself (mail scanners open links): the person presses the button.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { apiFailure, readForm } from '$lib/server/forms';
import { safeReturnPath } from '$lib/server/redirects';

export const load: PageServerLoad = ({ url, locals }) => ({
  token: url.searchParams.get('token') ?? '',
  sent: url.searchParams.has('envoye'),
  retour: safeReturnPath(url.searchParams.get('retour'), '/compte'),
  signedIn: locals.user !== null,
  alreadyVerified: locals.user?.emailVerified ?? false,
});

export const actions: Actions = {
  confirmer: async ({ request, locals }) => {
    const values = await readForm(request, ['token']);
    const { data, error, response } = await locals.api.POST('/api/v1/auth/verify-email', { body: { token: values.token } });
    if (!data) return apiFailure(response.status, error, values);
    return { verified: true };
  },
  renvoyer: async ({ locals }) => {
    if (!locals.user) return fail(401, { message: undefined, resent: false });
    const { error, response } = await locals.api.POST('/api/v1/auth/verify-email/resend');
    if (response.status === 409) return { resent: false, alreadyVerified: true };
    if (!response.ok) return apiFailure(response.status, error, {});
    return { resent: true };
  },
};
