// The vocabulary of PRODUCT.md as code values. The arrays are the single source for the
// database enums (below) and for the zod API schemas (schemas/api), so they cannot drift.
import { pgEnum } from 'drizzle-orm/pg-core';

export const MEMBERSHIP_POLICIES = ['open', 'approval', 'invitation'] as const;
export const TERRITORY_VISIBILITIES = ['public', 'private'] as const;
export const MEMBERSHIP_ROLES = ['admin', 'facilitator', 'member'] as const;
export const MEMBERSHIP_STATUSES = ['pending', 'active', 'rejected', 'suspended', 'left'] as const;
export const ORGANISATION_KINDS = [
  'entreprise',
  'association',
  'collectivite',
  'etablissement_sante',
  'exploitation_agricole',
  'etablissement_enseignement',
  'particulier',
  'autre',
] as const;
export const LISTING_KINDS = ['offer', 'need'] as const;
export const LISTING_STATUSES = ['open', 'in_progress', 'fulfilled', 'closed', 'expired'] as const;
export const LISTING_VISIBILITIES = ['members', 'public'] as const;
export const EXCHANGE_MODES = [
  'don',
  'pret',
  'location',
  'echange',
  'vente',
  'mutualisation',
  'mecenat_competences',
] as const;
export const TOKEN_PURPOSES = ['verify_email', 'reset_password'] as const;
/** What happened that a person may want to know about (notifications and their emails). */
export const NOTIFICATION_KINDS = ['response', 'message', 'membership', 'match', 'cooperation', 'saved_search'] as const;
/** How often a kind of notification is emailed: at once, in a daily or weekly digest, never. */
export const NOTIFICATION_FREQUENCIES = ['immediately', 'daily', 'weekly', 'never'] as const;
/** A recorded cooperation: proposed by its recorder, then confirmed (or disputed) by the partners. */
export const COOPERATION_STATUSES = ['proposed', 'confirmed', 'disputed', 'withdrawn'] as const;
export const PARTNER_STATUSES = ['pending', 'confirmed', 'disputed'] as const;

export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type NotificationFrequency = (typeof NOTIFICATION_FREQUENCIES)[number];
export type CooperationStatus = (typeof COOPERATION_STATUSES)[number];

export const membershipPolicy = pgEnum('membership_policy', MEMBERSHIP_POLICIES);
export const territoryVisibility = pgEnum('territory_visibility', TERRITORY_VISIBILITIES);
export const membershipRole = pgEnum('membership_role', MEMBERSHIP_ROLES);
export const membershipStatus = pgEnum('membership_status', MEMBERSHIP_STATUSES);
export const organisationKind = pgEnum('organisation_kind', ORGANISATION_KINDS);
export const listingKind = pgEnum('listing_kind', LISTING_KINDS);
export const listingStatus = pgEnum('listing_status', LISTING_STATUSES);
export const listingVisibility = pgEnum('listing_visibility', LISTING_VISIBILITIES);
export const exchangeMode = pgEnum('exchange_mode', EXCHANGE_MODES);
export const tokenPurpose = pgEnum('token_purpose', TOKEN_PURPOSES);
export const notificationKind = pgEnum('notification_kind', NOTIFICATION_KINDS);
export const notificationFrequency = pgEnum('notification_frequency', NOTIFICATION_FREQUENCIES);
export const cooperationStatus = pgEnum('cooperation_status', COOPERATION_STATUSES);
export const partnerStatus = pgEnum('partner_status', PARTNER_STATUSES);
