import { and, eq, type SQL } from 'drizzle-orm';
import { iso } from '../../schemas/api';
import { memberships, organisations, users } from '../../schemas/db';
import type { TerritoryScope } from '../shared/db/tenant';
import { notFound } from '../shared/http/problems';

/** What a view needs of the request: the transaction, the territory and who is asking. */
export type Viewer = Pick<TerritoryScope, 'tx' | 'territoryId' | 'userId' | 'role'>;

export const isModerator = (scope: Pick<Viewer, 'role'>) => scope.role === 'admin' || scope.role === 'facilitator';

/** Memberships joined with their person and organisation; row-level security decides what is visible. */
export function selectMemberships(scope: Viewer, where?: SQL) {
  return scope.tx
    .select({
      membership: memberships,
      userName: users.name,
      email: users.email,
      locale: users.locale,
      organisationName: organisations.name,
    })
    .from(memberships)
    .leftJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      organisations,
      and(eq(organisations.territoryId, memberships.territoryId), eq(organisations.id, memberships.organisationId)),
    )
    .where(and(eq(memberships.territoryId, scope.territoryId), where));
}

export type MembershipRow = Awaited<ReturnType<typeof selectMemberships>>[number];

/** One membership, or 404 when it does not exist in this territory or is not visible. */
export async function findMembership(scope: Viewer, where: SQL): Promise<MembershipRow> {
  const [row] = await selectMemberships(scope, where);
  if (!row) throw notFound('membership_not_found', 'Adhésion introuvable dans ce territoire.');
  return row;
}

/**
 * The membership as the caller may see it: emails only for admins and facilitators;
 * the request's message and the decision's also for the person concerned.
 */
export function membershipView(scope: Viewer, row: MembershipRow) {
  const m = row.membership;
  const moderator = isModerator(scope);
  const self = m.userId === scope.userId;
  return {
    id: m.id,
    user: {
      id: m.userId,
      name: row.userName ?? 'Membre',
      ...(moderator && row.email ? { email: row.email } : {}),
    },
    role: m.role,
    status: m.status,
    organisation: m.organisationId && row.organisationName ? { id: m.organisationId, name: row.organisationName } : null,
    ...(moderator || self ? { message: m.message } : {}),
    charterAcceptedAt: iso(m.charterAcceptedAt),
    decidedAt: iso(m.decidedAt),
    ...(moderator || self ? { decisionMessage: m.decisionMessage } : {}),
    createdAt: iso(m.createdAt)!,
  };
}

/** Who to mail about a membership: the person's address, name and language. */
export function recipientOf(row: MembershipRow) {
  return row.email ? { email: row.email, name: row.userName ?? '', locale: row.locale ?? 'fr' } : null;
}
