// The link of an invitation email (SITE_PATHS.acceptInvitation): says who invites to
// what, asks to sign in or create an account first (then comes back here), and accepts.
// Its own route group: a private territory is invisible until joined, so this page must
// not sit under a layout that loads the territory and answers 404.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm } from '$lib/server/forms';

const TOKEN = /^[a-z2-7]{16,64}$/;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const token = url.searchParams.get('token') ?? '';
  const result = await locals.api.GET('/api/v1/territories/{slug}', { params: { path: { slug: params.slug } } }).catch(() => null);
  return {
    slug: params.slug,
    token: TOKEN.test(token) ? token : null,
    // null for a private territory (or an unknown address): the invitation still works.
    territory: result?.data ?? null,
    signedIn: locals.user !== null,
    me: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
    here: url.pathname + url.search,
  };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const values = await readForm(request, ['token']);
    if (!locals.user) return fail(401, { message: m.invite_sign_in_first(), gone: false });
    const { data, error, response } = await locals.api.POST('/api/v1/territories/{slug}/invitations/accept', {
      params: { path: { slug: params.slug } },
      body: { token: values.token },
    });
    if (data) redirect(303, `/t/${params.slug}`);
    if (response.status === 404) return fail(404, { message: m.invite_gone(), gone: true });
    if (response.status === 409 && error?.code === 'already_member') {
      // The problem says where the person stands: a request still waiting, or a membership.
      const waiting = (error as { membershipStatus?: string }).membershipStatus === 'pending';
      return fail(409, { message: waiting ? m.invite_already_pending() : m.invite_already_member(), gone: true });
    }
    const failure = apiFailure(response.status, error, values);
    return fail(failure.status, { message: failure.data.message, gone: false });
  },
};
