// The organisation form (« Ma structure ») between the browser and the API. The commune
// takes its coordinates from the territory's places, which puts the organisation's
// listings in searches by distance.
import type { components } from '$lib/api/schema';
import { findPlace } from './space.server';
import { ORGANISATION_KINDS, type OrganisationKind } from './labels';
import type { Place } from './types';

type Organisation = components['schemas']['Organisation'];
export type UpdateBody = components['schemas']['UpdateOrganisationRequest'];

export const ORGANISATION_FIELDS = ['kind', 'name', 'siret', 'address', 'commune', 'postcode', 'website', 'description'] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
export type OrganisationValues = Record<OrganisationField, string>;

export function organisationValues(o: Organisation): OrganisationValues {
  return {
    kind: o.kind,
    name: o.name,
    siret: o.siret ?? '',
    address: o.address ?? '',
    commune: o.commune ?? '',
    postcode: o.postcode ?? '',
    website: o.website ?? '',
    description: o.description,
  };
}

/** The API's body: empty optional fields are cleared (null), the commune placed when known. */
export function organisationBody(values: OrganisationValues, places: Place[], before?: Organisation) {
  const commune = values.commune.trim();
  const place = commune ? findPlace(places, commune) : undefined;
  const kept = before && before.commune === commune && before.lat !== null && before.lon !== null ? { lat: before.lat, lon: before.lon } : null;
  const kind = (ORGANISATION_KINDS as readonly string[]).includes(values.kind) ? (values.kind as OrganisationKind) : ('autre' as const);
  const siret = values.siret.replace(/\s/g, '');
  const website = values.website.trim();
  return {
    kind,
    name: values.name.trim(),
    // The API accepts null to clear a SIRET; its generated type says string only.
    siret: (siret || (before?.siret ? null : undefined)) as string | undefined,
    address: values.address.trim() || null,
    commune: commune || null,
    postcode: values.postcode.trim() || null,
    // « www.exemple.fr » is what people type; the API wants the scheme.
    website: website ? (/^https?:\/\//i.test(website) ? website : `https://${website}`) : null,
    description: values.description.trim(),
    ...(place ? { lat: place.lat, lon: place.lon } : (kept ?? { lat: null, lon: null })),
  };
}
