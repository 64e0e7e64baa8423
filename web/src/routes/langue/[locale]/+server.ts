// The FR/EN switch: a plain link (works without JavaScript) that remembers the choice in
// the soliterr_locale cookie, saves it on the account when signed in (emails follow it),
// and goes back to the page.
import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isLocale } from '$lib/paraglide/runtime.js';
import { safeReturnPath } from '$lib/server/redirects';

export const GET: RequestHandler = async ({ params, url, cookies, locals }) => {
  if (!isLocale(params.locale)) error(404, 'Not Found');
  cookies.set('soliterr_locale', params.locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: false,
    secure: url.protocol === 'https:',
  });
  if (locals.user && locals.user.locale !== params.locale) {
    await locals.api.PATCH('/api/v1/me', { body: { locale: params.locale } }).catch(() => undefined);
  }
  redirect(303, safeReturnPath(url.searchParams.get('retour')));
};
