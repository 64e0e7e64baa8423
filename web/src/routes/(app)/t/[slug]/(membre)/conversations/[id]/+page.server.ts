// One conversation: its messages, oldest first, and the reply form for its two sides.
// Opening it marks it read, so the member navigation's count is read again afterwards.
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { apiFailure, readForm } from '$lib/server/forms';

const DONE = ['ouverte', 'envoye'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const path = { slug: params.slug, conversationId: params.id };
  const { data, response } = await locals.api.GET('/api/v1/territories/{slug}/conversations/{conversationId}', { params: { path } });
  if (!data) error(response.status === 404 || response.status === 400 ? 404 : 503, response.status === 404 || response.status === 400 ? 'Not Found' : 'Service Unavailable');
  await locals.api.POST('/api/v1/territories/{slug}/conversations/{conversationId}/read', { params: { path } }).catch(() => undefined);
  const { data: unread } = await locals.api
    .GET('/api/v1/territories/{slug}/conversations/unread', { params: { path: { slug: params.slug } } })
    .catch(() => ({ data: undefined }));
  const done = DONE.find((d) => d === url.searchParams.get('fait')) ?? null;
  return { conversation: data, done, ...(unread ? { unreadConversations: unread.unread } : {}) };
};

export const actions: Actions = {
  envoyer: async ({ locals, params, request, url }) => {
    const values = await readForm(request, ['body']);
    const { data, error: problem, response } = await locals.api.POST('/api/v1/territories/{slug}/conversations/{conversationId}/messages', {
      params: { path: { slug: params.slug, conversationId: params.id } },
      body: { body: values.body },
    });
    if (response.status === 401) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname)}`);
    if (!data) return apiFailure(response.status, problem, values);
    redirect(303, `${url.pathname}?fait=envoye#dernier`);
  },
};
