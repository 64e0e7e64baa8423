// How cooperations are read: the cooperation with its listing and recorder joined, then
// the partners of the page in one more query. Which rows come back is decided by
// row-level security (0013): confirmed ones for every active member, the others for
// their parties, facilitators and admins.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { cooperationPartners, cooperations, listings, memberships, organisations, users } from '../../schemas/db';
import { rowsOf } from '../shared/db/client';
import type { TerritoryScope } from '../shared/db/tenant';
import { notFound } from '../shared/http/problems';

export const cooperationNotFound = () => notFound('cooperation_not_found', "Cette coopération n'existe pas ou ne vous est pas visible.");

/** created_at to the microsecond, as text, for keyset cursors (see functions/listings/query.ts). */
export const createdKey = sql<string>`to_char(${cooperations.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function selectCooperations(scope: TerritoryScope) {
  return scope.tx
    .select({
      cooperation: cooperations,
      listing: { id: listings.id, title: listings.title, kind: listings.kind, status: listings.status },
      recorderName: users.name,
      recorderOrganisation: { id: organisations.id, name: organisations.name },
      createdKey,
    })
    .from(cooperations)
    .leftJoin(listings, and(eq(listings.territoryId, cooperations.territoryId), eq(listings.id, cooperations.listingId)))
    .leftJoin(memberships, and(eq(memberships.territoryId, cooperations.territoryId), eq(memberships.id, cooperations.recordedByMembershipId)))
    .leftJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      organisations,
      and(eq(organisations.territoryId, cooperations.territoryId), eq(organisations.id, cooperations.recordedByOrganisationId)),
    )
    .$dynamic();
}

export type CooperationRow = Awaited<ReturnType<ReturnType<typeof selectCooperations>['execute']>>[number];

export async function partnersOf(scope: TerritoryScope, cooperationIds: string[]) {
  if (cooperationIds.length === 0) return [];
  return scope.tx
    .select({
      partner: cooperationPartners,
      name: users.name,
      organisation: { id: organisations.id, name: organisations.name },
    })
    .from(cooperationPartners)
    .leftJoin(memberships, and(eq(memberships.territoryId, cooperationPartners.territoryId), eq(memberships.id, cooperationPartners.membershipId)))
    .leftJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      organisations,
      and(eq(organisations.territoryId, cooperationPartners.territoryId), eq(organisations.id, cooperationPartners.organisationId)),
    )
    .where(and(eq(cooperationPartners.territoryId, scope.territoryId), inArray(cooperationPartners.cooperationId, cooperationIds)))
    .orderBy(asc(users.name), asc(cooperationPartners.membershipId));
}

export type PartnerRow = Awaited<ReturnType<typeof partnersOf>>[number];

export async function findCooperation(scope: TerritoryScope, id: string): Promise<{ row: CooperationRow; partners: PartnerRow[] } | undefined> {
  const [row] = await selectCooperations(scope).where(and(eq(cooperations.territoryId, scope.territoryId), eq(cooperations.id, id)));
  if (!row) return undefined;
  return { row, partners: await partnersOf(scope, [id]) };
}

/** Who is asking: their membership and the structure it represents (the "side" they are on). */
export interface Viewer {
  membershipId: string | null;
  organisationId: string | null;
  role: TerritoryScope['role'];
}

export async function viewerOf(scope: TerritoryScope): Promise<Viewer> {
  const [row] = rowsOf<{ id: string | null }>(await scope.tx.execute(sql`select app.my_organisation_id(${scope.territoryId}) as id`));
  return { membershipId: scope.membershipId, organisationId: row?.id ?? null, role: scope.role };
}
