// One offer or need. Its author (and the territory's facilitators and admins) close it —
// it found a taker, or it is withdrawn — and reopen it, with the version they read, so a
// change made meanwhile by someone else is never overwritten blindly.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm } from '$lib/server/forms';
import { listingError } from '$lib/member/space.server';
import { isStale } from '$lib/member/listing-form.server';
import { listingConversations, respond } from '$lib/conversations/conversations.server';
import { loadSuggestions } from '$lib/matching/suggestions.server';

/** What was just done (?fait=…), for the message at the top. */
const DONE = ['publiee', 'modifiee', 'close', 'aboutie', 'rouverte'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { data, response } = await locals.api.GET('/api/v1/territories/{slug}/listings/{listingId}', {
    params: { path: { slug: params.slug, listingId: params.id } },
  });
  if (!data) listingError(response.status);
  const done = DONE.find((d) => d === url.searchParams.get('fait')) ?? null;
  const suggestions = await loadSuggestions(locals.api, params.slug, params.id, locals.user !== null);
  const conversations = locals.user ? await listingConversations(locals.api, params.slug, params.id) : null;
  return { listing: data, done, suggestions, conversations };
};

function signIn(url: URL): never {
  redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname)}`);
}

export const actions: Actions = {
  // « Je peux aider » / « Ça m'intéresse » (src/lib/conversations).
  repondre: respond,
  cloturer: async ({ locals, params, request, url }) => {
    const values = await readForm(request, ['status', 'version']);
    const status = values.status === 'fulfilled' ? 'fulfilled' : 'closed';
    const { data, error, response } = await locals.api.POST('/api/v1/territories/{slug}/listings/{listingId}/close', {
      params: { path: { slug: params.slug, listingId: params.id }, header: { 'if-match': `"${values.version}"` } },
      body: { status },
    });
    if (response.status === 401) signIn(url);
    if (isStale(response.status, error)) return fail(409, { action: 'close', message: m.member_stale_action(), stale: true });
    if (!data) return apiFailure(response.status, error, values);
    redirect(303, `${url.pathname}?fait=${status === 'fulfilled' ? 'aboutie' : 'close'}`);
  },
  rouvrir: async ({ locals, params, request, url }) => {
    const values = await readForm(request, ['version']);
    const { data, error, response } = await locals.api.POST('/api/v1/territories/{slug}/listings/{listingId}/reopen', {
      params: { path: { slug: params.slug, listingId: params.id }, header: { 'if-match': `"${values.version}"` } },
      body: {},
    });
    if (response.status === 401) signIn(url);
    if (isStale(response.status, error)) return fail(409, { action: 'reopen', message: m.member_stale_action(), stale: true });
    if (error?.code === 'listing_ended') return fail(409, { action: 'reopen', message: m.member_reopen_ended(), ended: true });
    if (!data) return apiFailure(response.status, error, values);
    redirect(303, `${url.pathname}?fait=rouverte`);
  },
};
