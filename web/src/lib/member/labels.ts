// Words for the member area: listing statuses, organisation kinds, dates and quantities
// in the person's language (PRODUCT.md's vocabulary).
import type { components } from '$lib/api/schema';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';

type Listing = components['schemas']['Listing'];
export type ExchangeMode = Listing['exchangeModes'][number];
export type ListingStatus = Listing['status'];
export type OrganisationKind = components['schemas']['Organisation']['kind'];

const STATUS: Record<ListingStatus, () => string> = {
  open: m.member_status_open,
  in_progress: m.member_status_in_progress,
  fulfilled: m.member_status_fulfilled,
  closed: m.member_status_closed,
  expired: m.member_status_expired,
};

export const ORGANISATION_KINDS = [
  'entreprise',
  'association',
  'collectivite',
  'etablissement_sante',
  'exploitation_agricole',
  'etablissement_enseignement',
  'particulier',
  'autre',
] as const satisfies readonly OrganisationKind[];

const KIND: Record<OrganisationKind, () => string> = {
  entreprise: m.member_org_kind_entreprise,
  association: m.member_org_kind_association,
  collectivite: m.member_org_kind_collectivite,
  etablissement_sante: m.member_org_kind_etablissement_sante,
  exploitation_agricole: m.member_org_kind_exploitation_agricole,
  etablissement_enseignement: m.member_org_kind_etablissement_enseignement,
  particulier: m.member_org_kind_particulier,
  autre: m.member_org_kind_autre,
};

export const listingStatusLabel = (status: ListingStatus) => STATUS[status]();
export const organisationKindLabel = (kind: OrganisationKind) => KIND[kind]();
export const isEnded = (status: ListingStatus) => status === 'fulfilled' || status === 'closed' || status === 'expired';

const tag = () => (getLocale() === 'en' ? 'en-GB' : 'fr-FR');

/** 12 mars 2027 — for a calendar date (YYYY-MM-DD, no time zone) or a timestamp. */
export function formatDate(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(tag(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(tag(), { maximumFractionDigits: 2 }).format(value);
}

export function formatKm(value: number): string {
  return m.member_distance_km({ km: new Intl.NumberFormat(tag(), { maximumFractionDigits: 1 }).format(value) });
}

/** « du 1 juin 2027 au 30 septembre 2027 », « à partir du … », « jusqu'au … », or null. */
export function availabilityText(from: string | null, until: string | null): string | null {
  if (from && until) return m.member_available_between({ from: formatDate(from), until: formatDate(until) });
  if (from) return m.member_available_from({ from: formatDate(from) });
  if (until) return m.member_available_until({ until: formatDate(until) });
  return null;
}
