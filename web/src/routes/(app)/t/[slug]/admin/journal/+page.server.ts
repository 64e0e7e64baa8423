// The audit log, newest first, 30 entries a page, as sentences: the names of the people
// and categories concerned are looked up here (the log keeps only their ids).
import type { PageServerLoad } from './$types';
import type { Api } from '$lib/server/api';
import type { AuditNames } from '$lib/audit';
import { getLocale } from '$lib/paraglide/runtime.js';

/** Membership id → name, over a few pages of members of every status. */
async function memberNames(api: Api, slug: string): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const { data } = await api.GET('/api/v1/territories/{slug}/memberships', { params: { path: { slug }, query: { limit: 100, cursor } } });
    for (const item of data?.items ?? []) names[item.id] = item.user.name;
    if (!data?.nextCursor) break;
    cursor = data.nextCursor;
  }
  return names;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const slug = params.slug;
  const cursor = url.searchParams.get('apres') ?? undefined;
  const [log, members, categories] = await Promise.all([
    locals.api.GET('/api/v1/territories/{slug}/audit-log', { params: { path: { slug }, query: { limit: 30, cursor } } }),
    memberNames(locals.api, slug).catch(() => ({})),
    locals.api.GET('/api/v1/territories/{slug}/categories', { params: { path: { slug }, query: { includeArchived: 'true' } } }).catch(() => null),
  ]);
  const english = getLocale() === 'en';
  const names: AuditNames = {
    members,
    categories: Object.fromEntries((categories?.data?.items ?? []).map((c) => [c.id, english ? c.labelEn : c.labelFr])),
  };
  return { entries: log.data?.items ?? null, nextCursor: log.data?.nextCursor ?? null, cursor: cursor ?? null, names };
};
