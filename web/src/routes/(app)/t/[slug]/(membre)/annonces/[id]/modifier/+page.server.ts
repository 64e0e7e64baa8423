// Editing a listing. The form carries the version that was read and the API gets it as
// If-Match: when someone else saved in between (412), nothing is overwritten — the page
// shows their version beside what this person typed, which is kept, and saving again
// is a deliberate choice made knowing both.
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { isStale, listingBody, listingFailure, listingValues, readListingForm } from '$lib/member/listing-form.server';
import { listingError, loadPlaces } from '$lib/member/space.server';
import type { Api } from '$lib/server/api';
import { loadTerritory } from '$lib/server/territory';

async function readListing(api: Api, slug: string, id: string) {
  const { data, response } = await api.GET('/api/v1/territories/{slug}/listings/{listingId}', { params: { path: { slug, listingId: id } } });
  if (!data) listingError(response.status);
  return data;
}

export const load: PageServerLoad = async ({ locals, params }) => {
  const listing = await readListing(locals.api, params.slug, params.id);
  if (!listing.canEdit) error(403, { message: 'Forbidden', hint: m.member_not_author_hint() });
  return { listing, values: listingValues(listing) };
};

export const actions: Actions = {
  default: async ({ locals, params, request }) => {
    const form = await request.formData();
    const values = readListingForm(form);
    const version = Number(form.get('version'));
    const [territory, before] = await Promise.all([loadTerritory(locals.api, params.slug), readListing(locals.api, params.slug, params.id)]);
    const { body, local } = listingBody(values, await loadPlaces(locals.api, territory), before);
    if (Object.keys(local).length) return listingFailure(400, undefined, values, local);
    const { data, error: problem, response } = await locals.api.PATCH('/api/v1/territories/{slug}/listings/{listingId}', {
      params: { path: { slug: params.slug, listingId: params.id }, header: { 'if-match': `"${Number.isInteger(version) ? version : 0}"` } },
      body,
    });
    if (isStale(response.status, problem)) {
      const current = await readListing(locals.api, params.slug, params.id);
      return fail(409, { message: m.member_stale_edit(), fields: {}, values, conflict: current });
    }
    if (!data) return listingFailure(response.status, problem, values);
    redirect(303, `/t/${params.slug}/annonces/${params.id}?fait=modifiee`);
  },
};
