// My sessions: where my account is signed in, close one, or sign out everywhere else.
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals }) => {
  const result = await locals.api.GET('/api/v1/me/sessions').catch(() => null);
  // This session first, then the others by last activity (the API's order).
  const sessions = result?.data?.items ?? null;
  return { sessions: sessions && [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)] };
};

export const actions: Actions = {
  revoke: async ({ request, locals }) => {
    const values = await readForm(request, ['sessionId']);
    const { error, response } = await locals.api.DELETE('/api/v1/me/sessions/{sessionId}', { params: { path: { sessionId: values.sessionId } } });
    if (!response.ok) return apiFailure(response.status, error, values);
    return { done: m.account_sessions_revoked() };
  },
  others: async ({ locals }) => {
    const { error, response } = await locals.api.DELETE('/api/v1/me/sessions');
    if (!response.ok) return apiFailure(response.status, error, {});
    return { done: m.account_sessions_others_revoked() };
  },
};
