import { iso } from '../../schemas/api';
import type { listings } from '../../schemas/db';
import type { TerritoryScope } from '../shared/db/tenant';
import type { ListingRow } from './query';

type Listing = typeof listings.$inferSelect;

/** Authors edit their own listings; admins and facilitators any listing of the territory. */
export function canEdit(scope: Pick<TerritoryScope, 'role' | 'membershipId'>, listing: Pick<Listing, 'authorMembershipId'>): boolean {
  if (scope.role === 'admin' || scope.role === 'facilitator') return true;
  return scope.membershipId !== null && listing.authorMembershipId === scope.membershipId;
}

/** Kilometres with 100 m precision: enough to choose, not enough to pinpoint. */
const roundKm = (km: number) => Math.round(km * 10) / 10;

export function listingView(row: ListingRow, scope: Pick<TerritoryScope, 'role' | 'membershipId'>) {
  const l = row.listing;
  return {
    id: l.id,
    kind: l.kind,
    status: l.status,
    title: l.title,
    description: l.description,
    quantity: l.quantity === null ? null : Number(l.quantity),
    unit: l.unit,
    exchangeModes: l.exchangeModes,
    availableFrom: l.availableFrom,
    availableUntil: l.availableUntil,
    commune: l.commune,
    lat: l.lat,
    lon: l.lon,
    visibility: l.visibility,
    category: row.category,
    // Members see who posted; visitors and pending people do not (the memberships and
    // users rows are invisible to them, so the join is empty anyway).
    author: scope.role ? { membershipId: l.authorMembershipId, name: row.authorName ?? 'Ancien membre' } : null,
    organisation: row.organisation,
    version: l.version,
    createdAt: iso(l.createdAt)!,
    updatedAt: iso(l.updatedAt)!,
    canEdit: canEdit(scope, l),
    ...(row.distanceKm === null ? {} : { distanceKm: roundKm(row.distanceKm) }),
  };
}

export type ListingView = ReturnType<typeof listingView>;
