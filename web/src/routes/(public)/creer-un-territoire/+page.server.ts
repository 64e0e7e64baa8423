// Create a territory: one short guided form. A signed-in person becomes its admin; a
// visitor gives the admin account in the same form (the API creates it and signs it in).
// The new admin lands on the first-steps checklist of the admin area.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { components } from '$lib/api/schema';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm, safeValues } from '$lib/server/forms';
import { instanceInfo } from '$lib/server/instance';
import { startSession } from '$lib/server/session';
import { readPlace } from '$lib/server/territory-form';
import { slugify } from '$lib/slug';

type Body = components['schemas']['CreateTerritoryRequest'];

const FIELDS = [
  'territory.name', 'territory.slug', 'territory.description', 'departement', 'commune', 'territory.membershipPolicy',
  'territory.visibility', 'territory.charter', 'admin.name', 'admin.email', 'admin.password', 'key',
] as const;

export const load: PageServerLoad = async ({ locals }) => ({
  signedIn: locals.user !== null,
  userName: locals.user?.name ?? null,
  charterTemplate: (await instanceInfo(locals.api))?.charterTemplate ?? '',
  // A new idempotency key each time the form is shown: a double submission creates once.
  key: crypto.randomUUID(),
});

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const values = await readForm(request, FIELDS);
    const slug = values['territory.slug'].trim().toLowerCase() || slugify(values['territory.name']);
    const { place, communeError } = await readPlace(locals.api, values.departement, values.commune);
    if (communeError) {
      return fail(422, { message: m.create_check(), fields: { commune: communeError } as Record<string, string>, values: safeValues(values) });
    }
    const body: Body = {
      territory: {
        name: values['territory.name'].trim(),
        slug,
        description: values['territory.description'].trim(),
        departement: place.departement,
        region: place.region,
        centerLat: place.centerLat,
        centerLon: place.centerLon,
        membershipPolicy: (values['territory.membershipPolicy'] || 'approval') as Body['territory']['membershipPolicy'],
        visibility: (values['territory.visibility'] || 'public') as Body['territory']['visibility'],
        charter: values['territory.charter'].replace(/\r\n/g, '\n').trim(),
      },
    };
    if (!locals.user) {
      body.admin = { name: values['admin.name'].trim(), email: values['admin.email'].trim(), password: values['admin.password'], locale: locals.locale };
    }
    const { data, error, response } = await locals.api.POST('/api/v1/territories', {
      body,
      headers: values.key && locals.user ? { 'idempotency-key': values.key } : {},
    });
    if (!data) {
      const failure = apiFailure(response.status, error, { ...values, 'territory.slug': slug });
      // A taken address or email is said beside its field, where it can be changed.
      if (error?.code === 'slug_taken') failure.data.fields['territory.slug'] = m.create_slug_taken();
      if (error?.code === 'email_taken') failure.data.fields['admin.email'] = m.create_email_taken();
      return failure;
    }
    if (data.session) startSession(cookies, url, data.session);
    redirect(303, `/t/${data.territory.slug}/admin?bienvenue=1`);
  },
};
