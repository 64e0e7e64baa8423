// Invitations: admins and facilitators invite by email; the link's token, kept only as
// its hash, lets whoever is signed in join with the invited role, even a private territory.
import type { RouteHandler } from '@hono/zod-openapi';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { iso } from '../../schemas/api';
import { invitations, memberships, users } from '../../schemas/db';
import { recordAudit } from '../shared/audit';
import { requireUser } from '../shared/auth/middleware';
import { generateToken, hashToken } from '../shared/auth/tokens';
import { rowsOf } from '../shared/db/client';
import { type TerritoryScope, withContext, withTerritory } from '../shared/db/tenant';
import { decodeCursor, encodeCursor } from '../shared/http/cursor';
import type { AppEnv } from '../shared/http/deps';
import { idempotent } from '../shared/http/idempotency';
import { conflict, forbidden, notFound } from '../shared/http/problems';
import { hit, LIMITS } from '../shared/http/rate-limit';
import { SITE_PATHS, siteLink } from '../shared/mail/links';
import { deliver, invitationMail } from './emails';
import { refuseExisting } from './join';
import type * as r from './routes';
import { findMembership, isModerator, membershipView, type Viewer } from './views';

const VALID_MS = 14 * 24 * 60 * 60 * 1000;

function requireModerator(scope: TerritoryScope) {
  if (!isModerator(scope)) throw forbidden('facilitators_only', 'Les invitations sont gérées par les administrateurs et les animateurs.');
}

function selectInvitations(scope: TerritoryScope) {
  return scope.tx
    .select({ invitation: invitations, inviterName: users.name })
    .from(invitations)
    .leftJoin(memberships, and(eq(memberships.territoryId, invitations.territoryId), eq(memberships.id, invitations.invitedBy)))
    .leftJoin(users, eq(users.id, memberships.userId));
}

function invitationView({ invitation: i, inviterName }: Awaited<ReturnType<typeof selectInvitations>>[number]) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    message: i.message,
    invitedBy: { membershipId: i.invitedBy, name: inviterName ?? 'Ancien membre' },
    createdAt: iso(i.createdAt)!,
    expiresAt: iso(i.expiresAt)!,
    expired: i.expiresAt.getTime() <= Date.now(),
  };
}

export const createInvitation: RouteHandler<typeof r.createInvitation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const { email, role, message } = c.req.valid('json');
  const deps = c.get('deps');
  await hit(deps.database, LIMITS.email, `invite:${user.id}`, deps.config.RATE_LIMIT_DISABLED);
  const token = generateToken();
  // Set only when this request invited: a replayed answer sends no second email.
  let territoryName: string | undefined;
  const response = await withTerritory(deps.database, { userId: user.id, slug }, idempotent(c, async (scope) => {
    requireModerator(scope);
    if (scope.role === 'facilitator' && role === 'admin') {
      throw forbidden('admin_only', 'Seul un administrateur peut inviter un administrateur.');
    }
    const [member] = await scope.tx
      .select({ status: memberships.status })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.territoryId, scope.territoryId), sql`lower(${users.email}) = ${email}`));
    if (member) refuseExisting(member.status);
    const [invited] = await scope.tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.territoryId, scope.territoryId), eq(invitations.email, email), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())));
    if (invited) throw conflict('already_invited', 'Cette personne a déjà une invitation en cours. Annulez-la pour en envoyer une nouvelle.');
    const id = crypto.randomUUID();
    await scope.tx.insert(invitations).values({
      territoryId: scope.territoryId,
      id,
      email,
      role,
      tokenHash: hashToken(token),
      invitedBy: scope.membershipId!,
      message: message?.trim() ?? '',
      expiresAt: new Date(Date.now() + VALID_MS),
    });
    await recordAudit(scope, { action: 'invitation.created', targetType: 'invitation', targetId: id, details: { role } });
    const [row] = await selectInvitations(scope).where(and(eq(invitations.territoryId, scope.territoryId), eq(invitations.id, id)));
    territoryName = scope.territory.name;
    return c.json(invitationView(row), 201);
  }));
  if (territoryName !== undefined) {
    const link = siteLink(deps.config.PUBLIC_URL, SITE_PATHS.acceptInvitation(slug), { token });
    await deliver(c, [invitationMail(email, territoryName, user.name, role, message ?? '', link)]);
  }
  return response;
};

const ListCursor = z.tuple([z.iso.datetime(), z.uuid()]);
const createdMs = sql`date_trunc('milliseconds', ${invitations.createdAt})`;

export const listInvitations: RouteHandler<typeof r.listInvitations, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const { limit, cursor } = c.req.valid('query');
  const after = decodeCursor(cursor, ListCursor);
  const rows = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    requireModerator(scope);
    return selectInvitations(scope)
      .where(and(
        eq(invitations.territoryId, scope.territoryId),
        isNull(invitations.acceptedAt),
        after ? sql`(${createdMs}, ${invitations.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ))
      .orderBy(sql`${createdMs} desc`, sql`${invitations.id} desc`)
      .limit(limit + 1);
  });
  const items = rows.slice(0, limit).map(invitationView);
  const last = items.at(-1);
  return c.json({ items, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null }, 200);
};

export const revokeInvitation: RouteHandler<typeof r.revokeInvitation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, invitationId } = c.req.valid('param');
  await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    requireModerator(scope);
    const where = and(eq(invitations.territoryId, scope.territoryId), eq(invitations.id, invitationId));
    const [found] = await scope.tx.select({ acceptedAt: invitations.acceptedAt, role: invitations.role }).from(invitations).where(where);
    if (!found) throw notFound('invitation_not_found', 'Invitation introuvable dans ce territoire.');
    if (found.acceptedAt) throw conflict('invitation_accepted', 'Cette invitation a déjà été acceptée.');
    await scope.tx.delete(invitations).where(and(where, isNull(invitations.acceptedAt)));
    await recordAudit(scope, { action: 'invitation.revoked', targetType: 'invitation', targetId: invitationId, details: { role: found.role } });
  });
  return c.body(null, 204);
};

export const acceptInvitation: RouteHandler<typeof r.acceptInvitation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const tokenHash = hashToken(c.req.valid('json').token);
  const gone = () => notFound('invitation_not_found', "Cette invitation n'existe pas, a déjà servi ou a expiré. Demandez-en une nouvelle.");
  // Not withTerritory: a private territory is invisible to its invitee until they join.
  const view = await withContext(c.get('deps').database, { userId: user.id }, async (scope) => {
    const [found] = rowsOf<{ id: string | null }>(await scope.tx.execute(sql`select app.invitation_territory(${slug}, ${tokenHash}) as id`));
    if (!found?.id) throw gone();
    await scope.enterTerritory(found.id);
    const viewer: Viewer = { tx: scope.tx, territoryId: found.id, userId: user.id, role: null };
    const [existing] = await scope.tx
      .select({ status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.territoryId, found.id), eq(memberships.userId, user.id)));
    if (existing) refuseExisting(existing.status);
    const [accepted] = rowsOf<{ id: string | null }>(await scope.tx.execute(sql`select app.accept_invitation(${found.id}, ${tokenHash}) as id`));
    if (!accepted?.id) throw gone();
    return membershipView(viewer, await findMembership(viewer, eq(memberships.id, accepted.id)));
  });
  return c.json(view, 200);
};
