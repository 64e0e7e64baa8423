// Short names for the API's cooperation schemas, and their words in the person's language.
import type { components } from '$lib/api/schema';
import { m } from '$lib/paraglide/messages.js';

type Schemas = components['schemas'];
export type Cooperation = Schemas['Cooperation'];
export type TerritoryFigures = Schemas['TerritoryFigures'];
export type CooperationStatus = Cooperation['status'];
export type PartnerStatus = Cooperation['partners'][number]['status'];

const STATUS: Record<CooperationStatus, () => string> = {
  proposed: m.coop_status_proposed,
  confirmed: m.coop_status_confirmed,
  disputed: m.coop_status_disputed,
  withdrawn: m.coop_status_withdrawn,
};
const EXPLAIN: Record<CooperationStatus, () => string> = {
  proposed: m.coop_explain_proposed,
  confirmed: m.coop_explain_confirmed,
  disputed: m.coop_explain_disputed,
  withdrawn: m.coop_explain_withdrawn,
};
const PARTNER: Record<PartnerStatus, () => string> = {
  pending: m.coop_partner_pending,
  confirmed: m.coop_partner_confirmed,
  disputed: m.coop_partner_disputed,
};

export const cooperationStatusLabel = (s: CooperationStatus) => STATUS[s]();
export const cooperationStatusExplained = (s: CooperationStatus) => EXPLAIN[s]();
export const partnerStatusLabel = (s: PartnerStatus) => PARTNER[s]();

/** « Paul Confiturier (Confitures du Pic) » */
export const partyName = (p: { name: string; organisation: { name: string } | null }) =>
  p.organisation ? `${p.name} (${p.organisation.name})` : p.name;
