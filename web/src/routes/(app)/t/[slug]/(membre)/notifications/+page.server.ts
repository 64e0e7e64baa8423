// My notifications in this territory, newest first, 20 at a time (?apres= is the API's
// cursor, ?non-lues keeps the unread ones); mark one or all as read (forms, no JS needed).
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm } from '$lib/server/forms';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const unreadOnly = url.searchParams.has('non-lues');
  const cursor = url.searchParams.get('apres') ?? undefined;
  const { data } = await locals.api
    .GET('/api/v1/territories/{slug}/notifications', {
      params: { path: { slug: params.slug }, query: { unread: unreadOnly ? 'true' : undefined, limit: 20, cursor } },
    })
    .catch(() => ({ data: undefined }));
  return {
    items: data?.items ?? [],
    nextCursor: data?.nextCursor ?? null,
    unreadCount: data?.unreadCount ?? 0,
    unreadOnly,
    continued: Boolean(cursor),
    unavailable: !data,
    // The bell of the header follows the page.
    unreadNotifications: data?.unreadCount ?? null,
  };
};

export const actions: Actions = {
  all: async ({ locals, params }) => {
    const { error, response } = await locals.api.POST('/api/v1/territories/{slug}/notifications/read', {
      params: { path: { slug: params.slug } },
      body: {},
    });
    if (!response.ok) return apiFailure(response.status, error, {});
    return { done: m.notif_marked() };
  },
  one: async ({ locals, params, request }) => {
    const values = await readForm(request, ['id']);
    const { error, response } = await locals.api.POST('/api/v1/territories/{slug}/notifications/read', {
      params: { path: { slug: params.slug } },
      body: { ids: [values.id] },
    });
    if (!response.ok) return apiFailure(response.status, error, values);
    return { done: m.notif_marked() };
  },
};
