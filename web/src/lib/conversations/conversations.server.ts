// What other pages need from the conversations: the unread count of the member
// navigation, and the listing page's « Je peux aider » / « Ça m'intéresse ».
import { redirect } from '@sveltejs/kit';
import type { Api } from '$lib/server/api';
import type { Territory } from '$lib/api/types';
import { apiFailure, readForm } from '$lib/server/forms';

/** Unread messages of an active member in this territory; null for anyone else or when the API is down. */
export async function loadUnread(api: Api, territory: Territory): Promise<number | null> {
  if (territory.myMembership?.status !== 'active') return null;
  const { data } = await api
    .GET('/api/v1/territories/{slug}/conversations/unread', { params: { path: { slug: territory.slug } } })
    .catch(() => ({ data: undefined }));
  return data?.unread ?? null;
}

/** The signed-in member's conversations about one listing: theirs as a responder, and how many they are a side of. */
export async function listingConversations(api: Api, slug: string, listingId: string) {
  const { data } = await api
    .GET('/api/v1/territories/{slug}/conversations', { params: { path: { slug }, query: { listingId, limit: 100 } } })
    .catch(() => ({ data: undefined }));
  if (!data) return null;
  const mine = data.items.find((c) => c.mySide === 'responder');
  return { mine: mine?.id ?? null, count: data.items.length };
}

/** The listing page's action: opens (or continues) the conversation, then goes to it. */
export async function respond({ locals, params, request, url }: { locals: App.Locals; params: { slug: string; id: string }; request: Request; url: URL }) {
  const values = await readForm(request, ['body']);
  const { data, error, response } = await locals.api.POST('/api/v1/territories/{slug}/listings/{listingId}/responses', {
    params: { path: { slug: params.slug, listingId: params.id } },
    body: { body: values.body },
  });
  if (response.status === 401) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname)}`);
  if (!data) return apiFailure(response.status, error, values);
  redirect(303, `/t/${params.slug}/conversations/${data.id}?fait=ouverte`);
}
