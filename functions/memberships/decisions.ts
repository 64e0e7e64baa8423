// What admins and facilitators decide about memberships (approve, reject, suspend, role),
// and the organisation a member chooses to represent. Decisions are audited in the
// same transaction and mailed to the person once committed.
import type { RouteHandler } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { memberships, type MembershipStatus, organisations } from '../../schemas/db';
import { recordAudit } from '../shared/audit';
import { requireUser } from '../shared/auth/middleware';
import { type TerritoryScope, withTerritory } from '../shared/db/tenant';
import type { AppEnv } from '../shared/http/deps';
import { conflict, forbidden, unprocessable } from '../shared/http/problems';
import { hit, type Limit } from '../shared/http/rate-limit';
import { SITE_PATHS, siteLink } from '../shared/mail/links';
import { type Decision, decisionMail, deliver, roleChangedMail } from './emails';
import type * as r from './routes';
import { notifyDecision, notifyRoleChange } from './notifications';
import { findMembership, isModerator, membershipView, recipientOf } from './views';

/** Every decision mails someone; a batch of newcomers after a launch event must still fit. */
const DECISION_MAILS: Limit = { name: 'membership-decision', max: 100, windowSeconds: 60 * 60 };

const TRANSITIONS = {
  approve: { from: ['pending', 'suspended'], to: 'active', audit: 'membership.approved' },
  reject: { from: ['pending'], to: 'rejected', audit: 'membership.rejected' },
  suspend: { from: ['active'], to: 'suspended', audit: 'membership.suspended' },
} as const satisfies Record<string, { from: MembershipStatus[]; to: MembershipStatus; audit: string }>;

const STATUS_FR: Record<MembershipStatus, string> = {
  pending: 'en attente', active: 'active', rejected: 'refusée', suspended: 'suspendue', left: 'terminée',
};

function requireModerator(scope: TerritoryScope) {
  if (!isModerator(scope)) throw forbidden('facilitators_only', 'Réservé aux administrateurs et aux animateurs du territoire.');
}

function guardAdmin(scope: TerritoryScope, ...roles: string[]) {
  if (scope.role === 'facilitator' && roles.includes('admin')) {
    throw forbidden('admin_only', 'Seul un administrateur peut nommer, changer ou suspendre un administrateur.');
  }
}

export function decide(action: keyof typeof TRANSITIONS): RouteHandler<typeof r.approveMembership, AppEnv> {
  const t = TRANSITIONS[action];
  return async (c) => {
    const user = requireUser(c);
    const { slug, membershipId } = c.req.valid('param');
    const { message } = c.req.valid('json');
    const deps = c.get('deps');
    await hit(deps.database, DECISION_MAILS, user.id, deps.config.RATE_LIMIT_DISABLED);
    const out = await withTerritory(deps.database, { userId: user.id, slug }, async (scope) => {
      requireModerator(scope);
      const { membership: m } = await findMembership(scope, eq(memberships.id, membershipId));
      if (m.userId === user.id) throw forbidden('own_membership', 'Vous ne pouvez pas décider de votre propre adhésion.');
      guardAdmin(scope, m.role);
      if (!(t.from as readonly MembershipStatus[]).includes(m.status)) {
        throw conflict('invalid_transition', `Impossible depuis l'état actuel : cette adhésion est ${STATUS_FR[m.status]}.`, { membershipStatus: m.status });
      }
      const decisionMessage = message?.trim() || null;
      const changed = await scope.tx
        .update(memberships)
        .set({ status: t.to, decidedBy: user.id, decidedAt: new Date(), decisionMessage })
        .where(and(eq(memberships.territoryId, scope.territoryId), eq(memberships.id, m.id), eq(memberships.status, m.status)))
        .returning({ id: memberships.id });
      if (changed.length === 0) throw conflict('concurrent_change', 'Une modification simultanée a eu lieu. Réessayez.');
      await recordAudit(scope, { action: t.audit, targetType: 'membership', targetId: m.id, details: { from: m.status, to: t.to } });
      const row = await findMembership(scope, eq(memberships.id, m.id));
      const decision: Decision = action === 'approve' ? (m.status === 'suspended' ? 'reactivated' : 'approved') : t.to as Decision;
      await notifyDecision(scope, m, decision, decisionMessage);
      return { view: membershipView(scope, row), to: recipientOf(row), decision, decisionMessage, name: scope.territory.name };
    });
    if (out.to) {
      const link = siteLink(deps.config.PUBLIC_URL, SITE_PATHS.territory(slug));
      await deliver(c, [decisionMail(out.to, out.decision, out.name, out.decisionMessage, link)]);
    }
    return c.json(out.view, 200);
  };
}

export const approveMembership = decide('approve');
export const rejectMembership = decide('reject');
export const suspendMembership = decide('suspend');

export const updateMembership: RouteHandler<typeof r.updateMembership, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, membershipId } = c.req.valid('param');
  const body = c.req.valid('json');
  const deps = c.get('deps');
  if (body.role !== undefined) await hit(deps.database, DECISION_MAILS, user.id, deps.config.RATE_LIMIT_DISABLED);
  const out = await withTerritory(deps.database, { userId: user.id, slug }, async (scope) => {
    const { membership: m } = await findMembership(scope, eq(memberships.id, membershipId));
    const own = m.userId === user.id;
    const set: Partial<typeof memberships.$inferInsert> = {};
    if (body.organisationId !== undefined) {
      if (!own) throw forbidden('own_membership_only', 'Chaque personne choisit elle-même la structure qu’elle représente.');
      if (body.organisationId) {
        const [organisation] = await scope.tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(eq(organisations.territoryId, scope.territoryId), eq(organisations.id, body.organisationId)));
        if (!organisation) throw unprocessable('organisation_not_found', "Cette structure n'existe pas dans ce territoire.");
      }
      set.organisationId = body.organisationId;
    }
    if (body.role !== undefined) {
      if (own) throw forbidden('own_role', 'Vous ne pouvez pas changer votre propre rôle.');
      requireModerator(scope);
      guardAdmin(scope, m.role, body.role);
      if (m.status === 'left' || m.status === 'rejected') {
        throw conflict('invalid_transition', `Impossible : cette adhésion est ${STATUS_FR[m.status]}.`, { membershipStatus: m.status });
      }
      if (body.role !== m.role) set.role = body.role;
    }
    if (Object.keys(set).length > 0) {
      await scope.tx.update(memberships).set(set).where(and(eq(memberships.territoryId, scope.territoryId), eq(memberships.id, m.id)));
    }
    if (set.role) {
      await recordAudit(scope, { action: 'membership.role_changed', targetType: 'membership', targetId: m.id, details: { from: m.role, to: set.role } });
      await notifyRoleChange(scope, m, set.role);
    }
    const row = await findMembership(scope, eq(memberships.id, m.id));
    return { view: membershipView(scope, row), to: set.role ? recipientOf(row) : null, role: set.role, name: scope.territory.name };
  });
  if (out.to && out.role) {
    await deliver(c, [roleChangedMail(out.to, out.role, out.name, siteLink(deps.config.PUBLIC_URL, SITE_PATHS.territory(slug)))]);
  }
  return c.json(out.view, 200);
};
