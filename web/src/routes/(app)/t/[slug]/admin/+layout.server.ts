// Every page under /t/{slug}/admin: only the territory's active admins and facilitators
// (others get a 403 page that says why); the waiting requests are counted for the menu.
import type { LayoutServerLoad } from './$types';
import { loadModeratedTerritory, pendingCount } from '$lib/server/moderation';

export const load: LayoutServerLoad = async ({ locals, params }) => {
  const { territory, role } = await loadModeratedTerritory(locals.api, params.slug);
  return { territory, role, pending: await pendingCount(locals.api, params.slug) };
};
