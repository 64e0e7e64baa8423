// Sign out: a POST form in the header (SvelteKit refuses cross-site form posts).
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endSession } from '$lib/server/session';

export const POST: RequestHandler = async ({ locals, cookies, url }) => {
  if (locals.sessionToken) await locals.api.POST('/api/v1/auth/logout').catch(() => undefined);
  endSession(cookies, url);
  redirect(303, '/');
};
