// Asking to join, reading one's own membership, leaving, and the member list.
import type { RouteHandler } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { iso } from '../../schemas/api';
import { memberships, type MembershipStatus } from '../../schemas/db';
import { requireUser } from '../shared/auth/middleware';
import { rowsOf } from '../shared/db/client';
import { withTerritory } from '../shared/db/tenant';
import { decodeCursor, encodeCursor } from '../shared/http/cursor';
import type { AppEnv } from '../shared/http/deps';
import { idempotent } from '../shared/http/idempotency';
import { conflict, forbidden, notFound, unprocessable } from '../shared/http/problems';
import { hit, type Limit } from '../shared/http/rate-limit';
import { SITE_PATHS, siteLink } from '../shared/mail/links';
import { deliver, joinRequestMail, type Recipient } from './emails';
import { notifyJoinRequest } from './notifications';
import type * as r from './routes';
import { findMembership, isModerator, membershipView, selectMemberships } from './views';

/** Each pending request mails every admin and facilitator: bounded per person asking. */
const JOIN_REQUESTS: Limit = { name: 'join-request', max: 10, windowSeconds: 60 * 60 };

/**
 * A pending, active or suspended membership cannot ask again (nor accept an invitation).
 * After leaving or a refusal, one may: the same row starts afresh (migration 0006).
 */
export function refuseExisting(status: MembershipStatus): void {
  if (status === 'pending') throw conflict('already_member', 'Votre demande est déjà en attente de validation.', { membershipStatus: status });
  if (status === 'active' || status === 'suspended') {
    throw conflict('already_member', 'Vous êtes déjà membre de ce territoire.', { membershipStatus: status });
  }
}

export const joinTerritory: RouteHandler<typeof r.joinTerritory, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const { acceptCharter, message } = c.req.valid('json');
  if (acceptCharter !== true) throw unprocessable('charter_not_accepted', 'Pour rejoindre le territoire, acceptez sa charte.');
  const deps = c.get('deps');
  await hit(deps.database, JOIN_REQUESTS, user.id, deps.config.RATE_LIMIT_DISABLED);
  // Set only when this request asked: a replayed answer mails nobody again.
  let mail: { moderators: Recipient[]; name: string } | undefined;
  const response = await withTerritory(deps.database, { userId: user.id, slug }, idempotent(c, async (scope) => {
    const [existing] = await scope.tx
      .select({ id: memberships.id, status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.territoryId, scope.territoryId), eq(memberships.userId, user.id)));
    if (existing) refuseExisting(existing.status);
    const policy = scope.territory.membershipPolicy;
    if (policy === 'invitation') throw forbidden('invitation_only', 'Ce territoire accueille ses membres sur invitation seulement.');
    const open = policy === 'open';
    const now = new Date();
    const request = {
      role: 'member' as const,
      status: open ? ('active' as const) : ('pending' as const),
      charterAcceptedAt: now,
      message: message?.trim() ?? '',
      decidedAt: open ? now : null,
    };
    const id = existing?.id ?? crypto.randomUUID();
    if (existing) {
      // Asking again after leaving or a refusal: the earlier decision no longer applies.
      await scope.tx
        .update(memberships)
        .set({ ...request, decidedBy: null, decisionMessage: null, organisationId: null })
        .where(and(eq(memberships.territoryId, scope.territoryId), eq(memberships.id, id)));
    } else {
      await scope.tx.insert(memberships).values({ territoryId: scope.territoryId, id, userId: user.id, ...request });
    }
    if (!open) await notifyJoinRequest(scope);
    const moderators = open
      ? []
      : rowsOf<Recipient>(await scope.tx.execute(sql`select name, email, locale from app.membership_moderators(${scope.territoryId})`));
    mail = { moderators, name: scope.territory.name };
    return c.json(membershipView(scope, await findMembership(scope, eq(memberships.id, id))), 201);
  }));
  if (mail) {
    const { moderators, name } = mail;
    const link = siteLink(deps.config.PUBLIC_URL, SITE_PATHS.pendingMembers(slug));
    await deliver(c, moderators.map((m) => joinRequestMail(m, name, user.name, message ?? '', link)));
  }
  return response;
};

export const getMyMembership: RouteHandler<typeof r.getMyMembership, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const view = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const [mine] = await selectMemberships(scope, eq(memberships.userId, user.id));
    if (!mine) throw notFound('not_a_member', "Vous n'êtes pas membre de ce territoire.");
    return membershipView(scope, mine);
  });
  return c.json(view, 200);
};

export const leaveTerritory: RouteHandler<typeof r.leaveTerritory, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const view = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const [mine] = await selectMemberships(scope, eq(memberships.userId, user.id));
    if (!mine || mine.membership.status === 'left' || mine.membership.status === 'rejected') {
      throw notFound('not_a_member', "Vous n'êtes pas membre de ce territoire.");
    }
    // The guard trigger refuses the last active admin (409 last_admin).
    await scope.tx
      .update(memberships)
      .set({ status: 'left' })
      .where(and(eq(memberships.territoryId, scope.territoryId), eq(memberships.id, mine.membership.id)));
    return membershipView(scope, await findMembership(scope, eq(memberships.id, mine.membership.id)));
  });
  return c.json(view, 200);
};

const ListCursor = z.tuple([z.iso.datetime(), z.uuid()]);
// Timestamps are compared at millisecond precision, the precision the cursor carries.
const createdMs = sql`date_trunc('milliseconds', ${memberships.createdAt})`;

export const listMemberships: RouteHandler<typeof r.listMemberships, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const { status, role, limit, cursor } = c.req.valid('query');
  const after = decodeCursor(cursor, ListCursor);
  const page = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    if (!scope.role) throw forbidden('members_only', 'La liste des membres est réservée aux membres actifs du territoire.');
    if (!isModerator(scope) && status && status !== 'active') {
      throw forbidden('facilitators_only', 'Seuls les administrateurs et les animateurs voient les demandes et les anciens membres.');
    }
    const rows = await selectMemberships(
      scope,
      and(
        isModerator(scope) ? (status ? eq(memberships.status, status) : undefined) : eq(memberships.status, 'active'),
        role ? eq(memberships.role, role) : undefined,
        after ? sql`(${createdMs}, ${memberships.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
      .orderBy(sql`${createdMs} desc`, sql`${memberships.id} desc`)
      .limit(limit + 1);
    return { items: rows.slice(0, limit).map((row) => membershipView(scope, row)), more: rows.length > limit };
  });
  const last = page.items.at(-1);
  return c.json({ items: page.items, nextCursor: page.more && last ? encodeCursor([iso(last.createdAt)!, last.id]) : null }, 200);
};
