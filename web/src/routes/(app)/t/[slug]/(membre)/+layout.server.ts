// The pages of a territory's space for its active members: publish, edit, my listings,
// my organisation. Pending people go to the waiting page, others to the join page.
import type { LayoutServerLoad } from './$types';
import { loadSpace, requireActiveMember } from '$lib/member/space.server';
import { loadUnreadNotifications } from '$lib/notifications/bell.server';

export const load: LayoutServerLoad = async ({ locals, params }) => {
  const space = await loadSpace(locals.api, params.slug);
  requireActiveMember(space.territory);
  return { ...space, signedIn: true, unreadNotifications: await loadUnreadNotifications(locals.api, space.territory) };
};
