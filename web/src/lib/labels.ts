// Words for the API's enums, in the person's language (PRODUCT.md's vocabulary).
import { m } from '$lib/paraglide/messages.js';
import type { components } from '$lib/api/schema';

type ExchangeMode = components['schemas']['Listing']['exchangeModes'][number];
type Policy = components['schemas']['TerritorySummary']['membershipPolicy'];
type Role = components['schemas']['MyTerritory']['role'];

const EXCHANGE: Record<ExchangeMode, () => string> = {
  don: m.exchange_don,
  pret: m.exchange_pret,
  location: m.exchange_location,
  echange: m.exchange_echange,
  vente: m.exchange_vente,
  mutualisation: m.exchange_mutualisation,
  mecenat_competences: m.exchange_mecenat_competences,
};

const POLICY: Record<Policy, () => string> = {
  open: m.policy_open,
  approval: m.policy_approval,
  invitation: m.policy_invitation,
};

const ROLE: Record<Role, () => string> = {
  admin: m.role_admin,
  facilitator: m.role_facilitator,
  member: m.role_member,
};

export const exchangeModeLabel = (mode: ExchangeMode) => EXCHANGE[mode]();
export const membershipPolicyLabel = (policy: Policy) => POLICY[policy]();
export const roleLabel = (role: Role) => ROLE[role]();
