// « Ma structure »: the organisation I represent in this territory — see it, edit it,
// register it when it is not there yet, or say which registered one I represent.
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm } from '$lib/server/forms';
import type { Api } from '$lib/server/api';
import { loadTerritory } from '$lib/server/territory';
import { loadPlaces } from '$lib/member/space.server';
import { ORGANISATION_FIELDS, organisationBody, organisationValues } from '$lib/member/organisation-form.server';

async function myMembership(api: Api, slug: string) {
  const { data, response } = await api.GET('/api/v1/territories/{slug}/memberships/me', { params: { path: { slug } } });
  if (!data) error(response.status === 404 ? 404 : 503, response.status === 404 ? 'Not Found' : 'Service Unavailable');
  return data;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const membership = await myMembership(locals.api, params.slug);
  const organisationId = membership.organisation?.id;
  const [organisation, all] = await Promise.all([
    organisationId
      ? locals.api
          .GET('/api/v1/territories/{slug}/organisations/{organisationId}', { params: { path: { slug: params.slug, organisationId } } })
          .then((r) => r.data ?? null)
      : Promise.resolve(null),
    locals.api.GET('/api/v1/territories/{slug}/organisations', { params: { path: { slug: params.slug }, query: { limit: 100 } } }).then((r) => r.data?.items ?? []),
  ]);
  const done = (['creee', 'modifiee', 'choisie', 'aucune'] as const).find((d) => d === url.searchParams.get('fait')) ?? null;
  return {
    organisation,
    values: organisation ? organisationValues(organisation) : null,
    others: all.filter((o) => o.id !== organisationId).map((o) => ({ id: o.id, name: o.name, commune: o.commune })),
    done,
  };
};

export const actions: Actions = {
  creer: async ({ locals, params, request, url }) => {
    const values = await readForm(request, ORGANISATION_FIELDS);
    const places = await loadPlaces(locals.api, await loadTerritory(locals.api, params.slug));
    const { data, error: problem, response } = await locals.api.POST('/api/v1/territories/{slug}/organisations', {
      params: { path: { slug: params.slug } },
      body: organisationBody(values, places),
    });
    if (!data) return apiFailure(response.status, problem, values);
    // Registering does not replace an organisation already represented: say so by choosing it.
    const membership = await myMembership(locals.api, params.slug);
    if (membership.organisation?.id !== data.id) {
      await locals.api.PATCH('/api/v1/territories/{slug}/memberships/{membershipId}', {
        params: { path: { slug: params.slug, membershipId: membership.id } },
        body: { organisationId: data.id },
      });
    }
    redirect(303, `${url.pathname}?fait=creee`);
  },
  modifier: async ({ locals, params, request, url }) => {
    const form = await request.formData();
    const id = String(form.get('organisationId') ?? '');
    const values = Object.fromEntries(ORGANISATION_FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as Record<(typeof ORGANISATION_FIELDS)[number], string>;
    const [territory, before] = await Promise.all([
      loadTerritory(locals.api, params.slug),
      locals.api.GET('/api/v1/territories/{slug}/organisations/{organisationId}', { params: { path: { slug: params.slug, organisationId: id } } }).then((r) => r.data),
    ]);
    if (!before) return fail(404, { message: m.member_org_not_found(), fields: {}, values });
    const body = organisationBody(values, await loadPlaces(locals.api, territory), before);
    const { data, error: problem, response } = await locals.api.PATCH('/api/v1/territories/{slug}/organisations/{organisationId}', {
      params: { path: { slug: params.slug, organisationId: id } },
      body,
    });
    if (!data) return apiFailure(response.status, problem, values);
    redirect(303, `${url.pathname}?fait=modifiee`);
  },
  choisir: async ({ locals, params, request, url }) => {
    const { organisationId } = await readForm(request, ['organisationId']);
    const membership = await myMembership(locals.api, params.slug);
    const { data, error: problem, response } = await locals.api.PATCH('/api/v1/territories/{slug}/memberships/{membershipId}', {
      params: { path: { slug: params.slug, membershipId: membership.id } },
      body: { organisationId: organisationId || null },
    });
    if (!data) return apiFailure(response.status, problem, { organisationId });
    redirect(303, `${url.pathname}?fait=${organisationId ? 'choisie' : 'aucune'}`);
  },
};
