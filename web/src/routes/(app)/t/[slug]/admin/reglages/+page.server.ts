// The territory's settings (admins): presentation, place, who may join and see, charter,
// accent colour. Only what changed is sent, so the audit log says what was changed.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { components } from '$lib/api/schema';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, readForm, safeValues } from '$lib/server/forms';
import { loadTerritory } from '$lib/server/territory';
import { requireAdmin } from '$lib/server/moderation';
import { readPlace } from '$lib/server/territory-form';

type Changes = components['schemas']['UpdateTerritoryRequest'];

const FIELDS = ['name', 'description', 'departement', 'commune', 'membershipPolicy', 'visibility', 'charter', 'accentColor', 'noAccent', 'facilitatorsReadConversations'] as const;

export const load: PageServerLoad = async ({ parent }) => {
  const { role } = await parent();
  requireAdmin(role);
  return {};
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const values = await readForm(request, FIELDS);
    const current = await loadTerritory(locals.api, params.slug);
    const { place, communeError } = await readPlace(locals.api, values.departement, values.commune);
    if (communeError) return fail(422, { message: m.admin_settings_check(), fields: { commune: communeError }, values: safeValues(values) });
    const wanted: Changes = {
      name: values.name.trim(),
      description: values.description.trim(),
      departement: place.departement,
      region: place.region,
      membershipPolicy: values.membershipPolicy as Changes['membershipPolicy'],
      visibility: values.visibility as Changes['visibility'],
      charter: values.charter.replace(/\r\n/g, '\n').trim(),
      accentColor: values.noAccent === 'on' ? null : values.accentColor.toLowerCase() || null,
      // A checkbox: absent from the form when unticked (src/lib/conversations).
      facilitatorsReadConversations: values.facilitatorsReadConversations === 'on',
    };
    if (place.centerLat !== undefined) Object.assign(wanted, { centerLat: place.centerLat, centerLon: place.centerLon });
    const was = current as unknown as Record<string, unknown>;
    const changes = Object.fromEntries(
      Object.entries(wanted).filter(([key, value]) => value !== undefined && value !== (key === 'accentColor' ? current.accentColor?.toLowerCase() ?? null : was[key])),
    ) as Changes;
    if (Object.keys(changes).length === 0) return { saved: m.admin_settings_unchanged() };
    const { error, response } = await locals.api.PATCH('/api/v1/territories/{slug}', { params: { path: { slug: params.slug } }, body: changes });
    if (!response.ok) return apiFailure(response.status, error, values);
    return { saved: m.admin_settings_saved() };
  },
};
