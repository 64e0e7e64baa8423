// In-app notifications of membership events (kind « membership »). The memberships
// function already emails these itself, so they are stored as emailed: the scheduled
// digests never mail them a second time (docs/decisions, notifications and digests).
import { sql } from 'drizzle-orm';
import type { MembershipRole } from '../../schemas/db';
import type { TerritoryScope } from '../shared/db/tenant';
import { SITE_PATHS } from '../shared/mail/links';
import { notify } from '../shared/notify';
import type { Decision } from './emails';

const DECISION_TITLE: Record<Decision, string> = {
  approved: 'Bienvenue ! Votre adhésion à %T est acceptée',
  reactivated: 'Votre adhésion à %T est de nouveau active',
  rejected: "Votre demande d'adhésion à %T n'est pas retenue",
  suspended: 'Votre adhésion à %T est suspendue',
};

const ROLE_FR: Record<MembershipRole, string> = { admin: 'administrateur', facilitator: 'animateur', member: 'membre' };

export async function notifyDecision(
  scope: TerritoryScope,
  membership: { id: string; userId: string },
  decision: Decision,
  message: string | null,
): Promise<void> {
  await notify(scope, [membership.userId], {
    kind: 'membership',
    title: DECISION_TITLE[decision].replace('%T', scope.territory.name),
    body: message ?? '',
    link: SITE_PATHS.territory(scope.territory.slug),
    subjectId: membership.id,
    emailed: true,
  });
}

export async function notifyRoleChange(scope: TerritoryScope, membership: { id: string; userId: string }, role: MembershipRole): Promise<void> {
  await notify(scope, [membership.userId], {
    kind: 'membership',
    title: `Votre rôle dans ${scope.territory.name} est maintenant : ${ROLE_FR[role]}`,
    link: SITE_PATHS.territory(scope.territory.slug),
    subjectId: membership.id,
    emailed: true,
  });
}

/**
 * A request waiting for approval tells the admins and facilitators. The person asking is
 * not an active member, so cannot insert notifications: a narrow SECURITY DEFINER
 * function does it for their own pending request only (migration 0015).
 */
export async function notifyJoinRequest(scope: TerritoryScope): Promise<void> {
  await scope.tx.execute(sql`select app.notify_join_request()`);
}
