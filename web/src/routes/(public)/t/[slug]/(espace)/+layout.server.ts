// The pages of a territory's space that visitors may see too (the API shows them the
// public listings only): the offers and needs, and a listing.
import type { LayoutServerLoad } from './$types';
import { loadSpace } from '$lib/member/space.server';
import { loadUnreadNotifications } from '$lib/notifications/bell.server';

export const load: LayoutServerLoad = async ({ locals, params }) => {
  const space = await loadSpace(locals.api, params.slug);
  return { ...space, signedIn: locals.user !== null, unreadNotifications: await loadUnreadNotifications(locals.api, space.territory) };
};
