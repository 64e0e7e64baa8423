import type { LayoutServerLoad } from './$types';
import { instanceInfo } from '$lib/server/instance';

export const load: LayoutServerLoad = async ({ locals }) => {
  const [instance, territories] = await Promise.all([
    instanceInfo(locals.api),
    locals.user ? locals.api.GET('/api/v1/me/territories').then((r) => r.data?.items ?? [], () => []) : Promise.resolve([]),
  ]);
  return {
    locale: locals.locale,
    user: locals.user ? { name: locals.user.name, email: locals.user.email, emailVerified: locals.user.emailVerified } : null,
    myTerritories: territories,
    instance,
  };
};
