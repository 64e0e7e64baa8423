// Pages for a territory's admins and facilitators (/t/{slug}/admin/…): who may open them,
// and how many join requests wait (the header and the admin menu show it).
import { error } from '@sveltejs/kit';
import type { Api } from './api';
import type { MyTerritory, Territory } from '$lib/api/types';
import { m } from '$lib/paraglide/messages.js';
import { loadTerritory } from './territory';

export type ModeratorRole = 'admin' | 'facilitator';

/** The territory, for an active admin or facilitator; anyone else gets a 403 page that says why. */
export async function loadModeratedTerritory(api: Api, slug: string): Promise<{ territory: Territory; role: ModeratorRole }> {
  const territory = await loadTerritory(api, slug);
  const mine = territory.myMembership;
  if (mine?.status === 'active' && (mine.role === 'admin' || mine.role === 'facilitator')) return { territory, role: mine.role };
  error(403, { message: 'Forbidden', hint: m.admin_forbidden_hint() });
}

/** Settings and categories are the admins' (the API says the same: 403 admin_only). */
export function requireAdmin(role: ModeratorRole): void {
  if (role !== 'admin') error(403, { message: 'Forbidden', hint: m.admin_admin_only_hint() });
}

/** How many requests wait in a territory (up to 100: the queue page lists them all). */
export async function pendingCount(api: Api, slug: string): Promise<number> {
  const result = await api
    .GET('/api/v1/territories/{slug}/memberships', { params: { path: { slug }, query: { status: 'pending', limit: 100 } } })
    .catch(() => null);
  return result?.data?.items.length ?? 0;
}

/** Waiting requests by territory slug, for the territories the person moderates (at most 5 asked). */
export async function pendingByTerritory(api: Api, territories: MyTerritory[]): Promise<Record<string, number>> {
  const moderated = territories.filter((t) => t.status === 'active' && t.role !== 'member').slice(0, 5);
  const counts = await Promise.all(moderated.map((t) => pendingCount(api, t.slug)));
  return Object.fromEntries(moderated.map((t, i) => [t.slug, counts[i]]));
}
