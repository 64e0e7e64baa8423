// The unread count of the bell in a territory's space: active members only, and a failing
// API never breaks the page (the bell simply shows no number).
import type { Api } from '$lib/server/api';
import type { Territory } from '$lib/api/types';

export async function loadUnreadNotifications(api: Api, territory: Territory): Promise<number | null> {
  if (territory.myMembership?.status !== 'active') return null;
  const { data } = await api
    .GET('/api/v1/territories/{slug}/notifications/unread-count', { params: { path: { slug: territory.slug } } })
    .catch(() => ({ data: undefined }));
  return data?.unreadCount ?? null;
}
