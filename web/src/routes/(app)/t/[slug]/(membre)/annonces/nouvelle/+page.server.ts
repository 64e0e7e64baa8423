// « Proposer une offre » / « Exprimer un besoin ». Without JavaScript the form posts here
// and the person lands on the published listing (or back on the form, with a message
// under each field and everything they typed).
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { listingBody, listingFailure, readListingForm } from '$lib/member/listing-form.server';
import { loadPlaces } from '$lib/member/space.server';
import { loadTerritory } from '$lib/server/territory';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const kind = url.searchParams.get('type') === 'besoin' ? 'need' : 'offer';
  // The commune of the organisation I represent, as a starting point.
  const me = await locals.api.GET('/api/v1/territories/{slug}/memberships/me', { params: { path: { slug: params.slug } } });
  const organisationId = me.data?.organisation?.id;
  const organisation = organisationId
    ? (await locals.api.GET('/api/v1/territories/{slug}/organisations/{organisationId}', { params: { path: { slug: params.slug, organisationId } } })).data
    : undefined;
  return {
    kind,
    commune: organisation?.commune ?? '',
    organisationName: me.data?.organisation?.name ?? null,
    // The same key on a repeated submission (a double click, a retry) creates nothing twice.
    idempotencyKey: crypto.randomUUID(),
  };
};

export const actions: Actions = {
  default: async ({ locals, params, request }) => {
    const form = await request.formData();
    const values = readListingForm(form);
    const key = form.get('idempotencyKey');
    const territory = await loadTerritory(locals.api, params.slug);
    const { body, local } = listingBody(values, await loadPlaces(locals.api, territory));
    if (Object.keys(local).length) return listingFailure(400, undefined, values, local);
    const { data, error, response } = await locals.api.POST('/api/v1/territories/{slug}/listings', {
      params: { path: { slug: params.slug }, header: typeof key === 'string' && key ? { 'idempotency-key': key } : {} },
      body: { ...body, kind: values.kind === 'need' ? 'need' : 'offer' },
    });
    if (!data) return listingFailure(response.status, error, values);
    redirect(303, `/t/${params.slug}/annonces/${data.id}?fait=publiee`);
  },
};
