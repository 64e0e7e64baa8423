import type { LayoutServerLoad } from './$types';
import { instanceInfo } from '$lib/server/instance';
import { pendingByTerritory } from '$lib/server/moderation';

export const load: LayoutServerLoad = async ({ locals }) => {
  const [instance, territories] = await Promise.all([
    instanceInfo(locals.api),
    locals.user ? locals.api.GET('/api/v1/me/territories').then((r) => r.data?.items ?? [], () => []) : Promise.resolve([]),
  ]);
  // Admins and facilitators see the waiting join requests in the header.
  const pending = locals.user ? await pendingByTerritory(locals.api, territories) : {};
  return {
    locale: locals.locale,
    user: locals.user ? { name: locals.user.name, email: locals.user.email, emailVerified: locals.user.emailVerified } : null,
    myTerritories: territories,
    pending,
    instance,
  };
};
