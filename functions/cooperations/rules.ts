// What a recorded cooperation must satisfy beyond the shape of one request: the recorder
// is the listing's side, the conversation is about that listing and theirs, partners are
// active members of another side, and the values agree with each other.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { conversations, listings, memberships } from '../../schemas/db';
import { rowsOf } from '../shared/db/client';
import type { TerritoryScope } from '../shared/db/tenant';
import { forbidden, notFound, unprocessable } from '../shared/http/problems';
import type { Viewer } from './query';

type Listing = typeof listings.$inferSelect;
type FieldError = { path: string; code: string; message: string };

export async function listingOfSide(scope: TerritoryScope, viewer: Viewer, listingId: string): Promise<Listing> {
  const [listing] = await scope.tx
    .select()
    .from(listings)
    .where(and(eq(listings.territoryId, scope.territoryId), eq(listings.id, listingId)));
  if (!listing) throw notFound('listing_not_found', "Cette offre ou ce besoin n'existe pas ou n'est pas visible.");
  const mine =
    listing.authorMembershipId === viewer.membershipId ||
    (listing.organisationId !== null && listing.organisationId === viewer.organisationId);
  if (!mine) {
    throw forbidden(
      'not_listing_side',
      "Seuls l'auteur de l'annonce et les membres de la structure qu'elle nomme enregistrent une coopération à son sujet.",
    );
  }
  return listing;
}

export async function checkConversation(scope: TerritoryScope, listingId: string, conversationId: string): Promise<void> {
  const [found] = rowsOf<{ ok: boolean }>(
    await scope.tx.execute(sql`
      select app.is_conversation_participant(${scope.territoryId}, ${conversationId}::uuid) as ok
        from ${conversations}
       where ${conversations.territoryId} = ${scope.territoryId} and ${conversations.id} = ${conversationId}
         and ${conversations.listingId} = ${listingId}`),
  );
  if (!found?.ok) {
    throw unprocessable('unknown_conversation', "Cette conversation ne porte pas sur cette annonce ou vous n'y participez pas.");
  }
}

/** The partners as stored: each with the structure they represent today. */
export async function checkPartners(
  scope: TerritoryScope,
  viewer: Viewer,
  listing: Listing,
  partners: { membershipId: string }[],
): Promise<{ membershipId: string; organisationId: string | null }[]> {
  const ids = partners.map((p) => p.membershipId);
  const rows = await scope.tx
    .select({ id: memberships.id, organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.territoryId, scope.territoryId), inArray(memberships.id, ids), eq(memberships.status, 'active')));
  const byId = new Map(rows.map((r) => [r.id, r.organisationId]));
  const unknown: FieldError[] = [];
  const ownSide: FieldError[] = [];
  const sideOrganisations = new Set([viewer.organisationId, listing.organisationId].filter((x): x is string => !!x));
  ids.forEach((id, i) => {
    const path = `partners.${i}.membershipId`;
    if (!byId.has(id)) {
      unknown.push({ path, code: 'unknown_partner', message: "ce membre n'est pas (ou plus) un membre actif du territoire" });
      return;
    }
    const organisationId = byId.get(id) ?? null;
    if (id === viewer.membershipId || id === listing.authorMembershipId || (organisationId !== null && sideOrganisations.has(organisationId))) {
      ownSide.push({ path, code: 'partner_on_own_side', message: 'ce membre est de votre côté : un partenaire est une autre personne ou structure' });
    }
  });
  if (unknown.length) throw unprocessable('unknown_partner', "Un partenaire n'est pas un membre actif de ce territoire.", { errors: unknown });
  if (ownSide.length) {
    throw unprocessable('partner_on_own_side', 'On coopère avec une autre personne ou structure que la sienne.', { errors: ownSide });
  }
  return ids.map((membershipId) => ({ membershipId, organisationId: byId.get(membershipId) ?? null }));
}

interface Coherent {
  quantity: number | string | null;
  unit: string | null;
  startedOn: string | null;
  endedOn: string | null;
}

export function checkCoherence(c: Coherent): void {
  const errors: FieldError[] = [];
  if (c.quantity !== null && !c.unit) {
    errors.push({ path: 'unit', code: 'unit_required', message: 'une quantité demande une unité (kg, heures, véhicules…)' });
  }
  // ISO dates compare correctly as strings.
  if (c.startedOn && c.endedOn && c.startedOn > c.endedOn) {
    errors.push({ path: 'endedOn', code: 'dates_out_of_order', message: 'la fin précède le début' });
  }
  if (errors.length) throw unprocessable('inconsistent_cooperation', 'Certaines valeurs ne vont pas ensemble.', { errors });
}

/** numeric columns take strings; null stays null and undefined stays "unchanged". */
export const decimal = <T extends number | null | undefined>(v: T) => (v === undefined ? undefined : v === null ? null : String(v));
