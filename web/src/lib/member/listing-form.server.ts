// The listing form (create and edit) between the browser and the API: form fields →
// the API's body, the API's problems → a message under each field, and a listing →
// the form's values. The commune gets its coordinates from the territory's places, so
// the listing shows up in searches by distance.
import { fail } from '@sveltejs/kit';
import type { components } from '$lib/api/schema';
import type { Listing } from '$lib/api/types';
import { m } from '$lib/paraglide/messages.js';
import { fieldMessages, problemMessage } from '$lib/problems';
import { EXCHANGE_MODES } from './filters';
import type { ExchangeMode } from './labels';
import { findPlace } from './space.server';
import { LISTING_FIELDS, type ListingField, type ListingValues, type Place } from './types';

type Problem = components['schemas']['Problem'];
export type CreateBody = components['schemas']['CreateListingRequest'];


export function readListingForm(data: FormData): ListingValues {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const modes = data.getAll('exchangeModes').filter((v): v is ExchangeMode => typeof v === 'string' && (EXCHANGE_MODES as readonly string[]).includes(v));
  const values = Object.fromEntries(LISTING_FIELDS.map((f) => [f, text(f)])) as ListingValues;
  values.exchangeModes = modes.join(',');
  return values;
}

export function listingValues(l: Listing): ListingValues {
  return {
    kind: l.kind,
    title: l.title,
    categoryId: l.category.id,
    description: l.description,
    exchangeModes: l.exchangeModes.join(','),
    quantity: l.quantity === null ? '' : String(l.quantity).replace('.', ','),
    unit: l.unit ?? '',
    availableFrom: l.availableFrom ?? '',
    availableUntil: l.availableUntil ?? '',
    commune: l.commune ?? '',
    visibility: l.visibility,
  };
}

const NUMBER = /^\d+(?:[.,]\d+)?$/;

/**
 * The API's body for these values; `local` holds what cannot even be sent (a quantity
 * that is not a number). `before` is the listing being edited: its position stays when
 * its commune is not changed.
 */
export function listingBody(values: ListingValues, places: Place[], before?: Listing) {
  const local: Partial<Record<ListingField, string>> = {};
  const quantityText = values.quantity.replace(/\s/g, '');
  if (quantityText && !NUMBER.test(quantityText)) local.quantity = m.member_field_quantity_number();
  const commune = values.commune.trim();
  const place = commune ? findPlace(places, commune) : undefined;
  const kept = before && before.commune === commune && before.lat !== null && before.lon !== null ? { lat: before.lat, lon: before.lon } : null;
  const position = place ? { lat: place.lat, lon: place.lon } : (kept ?? { lat: null, lon: null });
  const body = {
    categoryId: values.categoryId,
    title: values.title.trim(),
    description: values.description.trim(),
    exchangeModes: values.exchangeModes ? (values.exchangeModes.split(',') as ExchangeMode[]) : [],
    quantity: quantityText && !local.quantity ? Number(quantityText.replace(',', '.')) : null,
    unit: values.unit.trim() || null,
    availableFrom: values.availableFrom || null,
    availableUntil: values.availableUntil || null,
    commune: commune || null,
    ...position,
    visibility: values.visibility === 'public' ? ('public' as const) : ('members' as const),
  };
  return { body, local };
}

/** Someone changed the listing since it was read: 412 (If-Match) or 409 (version in the body). */
export function isStale(status: number, problem: Problem | undefined): boolean {
  return status === 412 || (status === 409 && (problem?.code === 'version_conflict' || problem?.code === 'version_mismatch'));
}

/** Field messages, with the member area's own words for the fields it knows best. */
export function listingFieldMessages(problem: Problem | undefined): Partial<Record<ListingField, string>> {
  const fields = fieldMessages<ListingField>(problem);
  for (const issue of problem?.errors ?? []) {
    if (issue.path === 'categoryId') fields.categoryId = m.member_field_category_required();
    if (issue.path === 'exchangeModes' && issue.code === 'too_small') fields.exchangeModes = m.member_field_modes_required();
    if (issue.path === 'title' && issue.code === 'too_small') fields.title = m.member_field_title_short();
    if ((issue.path === 'lat' || issue.path === 'lon') && !fields.commune) fields.commune = m.member_field_commune_position();
  }
  return fields;
}

/** A failed save: the message at the top, one under each field, and everything typed kept. */
export function listingFailure(status: number, problem: Problem | undefined, values: ListingValues, local: Partial<Record<ListingField, string>> = {}) {
  const fields = { ...listingFieldMessages(problem), ...local };
  const message = Object.keys(local).length && !problem ? m.problem_validation_failed() : problemMessage(problem, status);
  return fail(status >= 500 ? 503 : status, { message, fields, values, conflict: null as Listing | null });
}
