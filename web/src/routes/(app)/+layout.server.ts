// Everything in (app) needs a signed-in person: others go to the sign-in page and come
// back here afterwards.
import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.user) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname + url.search)}`);
  return { me: locals.user };
};
