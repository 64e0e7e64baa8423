// How often each kind of notification is emailed: one choice per kind, saved together.
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure } from '$lib/server/forms';
import { FREQUENCIES, KINDS, type NotificationFrequency, type NotificationKind } from '$lib/notifications/labels';

export const load: PageServerLoad = async ({ locals }) => {
  const { data } = await locals.api.GET('/api/v1/me/notification-preferences').catch(() => ({ data: undefined }));
  return { preferences: data?.preferences ?? null };
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const form = await request.formData();
    const preferences: Partial<Record<NotificationKind, NotificationFrequency>> = {};
    for (const kind of KINDS) {
      const value = form.get(kind);
      if (typeof value === 'string' && (FREQUENCIES as string[]).includes(value)) preferences[kind] = value as NotificationFrequency;
    }
    const { error, response } = await locals.api.PUT('/api/v1/me/notification-preferences', { body: { preferences } });
    if (!response.ok) return apiFailure(response.status, error, {});
    return { done: m.notif_prefs_saved() };
  },
};
