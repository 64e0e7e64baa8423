// The suggestions of a listing's page (transparent matching, issue 5): only for the
// territory's active members; anyone else gets no section at all, not an error.
import type { Api } from '$lib/server/api';
import type { components } from '$lib/api/schema';

export type SuggestionList = components['schemas']['SuggestionList'];

/** null: no section (not an active member). 'unavailable': the API failed, say so briefly. */
export async function loadSuggestions(
  api: Api,
  slug: string,
  listingId: string,
  activeMember: boolean,
): Promise<SuggestionList | 'unavailable' | null> {
  if (!activeMember) return null;
  try {
    const { data, response } = await api.GET('/api/v1/territories/{slug}/listings/{listingId}/suggestions', {
      params: { path: { slug, listingId }, query: { limit: 10 } },
    });
    if (data) return data;
    return response.status === 401 || response.status === 403 || response.status === 404 ? null : 'unavailable';
  } catch {
    return 'unavailable';
  }
}
