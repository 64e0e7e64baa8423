// My account: who I am (name, language), whether my address is confirmed (resend the
// email), and my territories with where to go in each.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm } from '$lib/server/forms';
import { pendingByTerritory } from '$lib/server/moderation';

export const load: PageServerLoad = async ({ locals, parent }) => {
  const { myTerritories } = await parent();
  return { pending: await pendingByTerritory(locals.api, myTerritories) };
};

export const actions: Actions = {
  profil: async ({ request, locals, cookies, url }) => {
    const values = await readForm(request, ['name', 'locale']);
    const locale = values.locale === 'en' ? 'en' : 'fr';
    const { data, error, response } = await locals.api.PATCH('/api/v1/me', { body: { name: values.name.trim(), locale } });
    if (!data) return apiFailure(response.status, error, values);
    // The page and the header render after this action: they show the new name.
    locals.user = data;
    if (locale !== locals.locale) {
      // The site follows the account's language at once (the same cookie as the FR/EN switch).
      cookies.set('soliterr_locale', locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
      redirect(303, '/compte?enregistre=1');
    }
    return { saved: m.account_profile_saved() };
  },
  renvoyer: async ({ locals }) => {
    const { error, response } = await locals.api.POST('/api/v1/auth/verify-email/resend');
    if (response.status === 409) return { resent: m.account_already_verified() };
    if (!response.ok) return apiFailure(response.status, error, {});
    return { resent: m.account_verification_resent() };
  },
};

