// The admin home: the first steps of a new territory (charter, categories, invite
// members, first listing), each done or not from what the API says, and the queue.
import type { PageServerLoad } from './$types';
import { instanceInfo } from '$lib/server/instance';

export const load: PageServerLoad = async ({ locals, params, parent, url }) => {
  const { territory } = await parent();
  const path = { slug: params.slug };
  const [audit, members, listings, instance] = await Promise.all([
    locals.api.GET('/api/v1/territories/{slug}/audit-log', { params: { path, query: { limit: 100 } } }).catch(() => null),
    locals.api.GET('/api/v1/territories/{slug}/memberships', { params: { path, query: { status: 'active', limit: 2 } } }).catch(() => null),
    locals.api.GET('/api/v1/territories/{slug}/listings', { params: { path, query: { status: 'all', limit: 1 } } }).catch(() => null),
    instanceInfo(locals.api),
  ]);
  const entries = audit?.data?.items ?? [];
  const did = (action: string, field?: string) =>
    entries.some((e) => e.action === action && (!field || (Array.isArray(e.details.fields) && e.details.fields.includes(field))));
  const charter = territory.charter.trim();
  const template = instance?.charterTemplate.trim();
  return {
    welcome: url.searchParams.has('bienvenue'),
    steps: {
      // The template kept as it is counts once it was saved from the settings (read and accepted).
      charter: charter !== '' && (charter !== template || did('territory.updated', 'charter')),
      categories: did('category.created') || did('category.updated'),
      invite: did('invitation.created') || (members?.data?.items.length ?? 0) > 1,
      listing: (listings?.data?.items.length ?? 0) > 0,
    },
  };
};
