import { createHash } from 'node:crypto';
import { type RouteHandler, z } from '@hono/zod-openapi';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { conversations, listings } from '../../schemas/db';
import { requireUser } from '../shared/auth/middleware';
import { withTerritory } from '../shared/db/tenant';
import { decodeCursor, encodeCursor } from '../shared/http/cursor';
import type { AppEnv } from '../shared/http/deps';
import { idempotent } from '../shared/http/idempotency';
import { conflict, forbidden, notFound } from '../shared/http/problems';
import { countUnread as countUnreadOf, findConversation, markRead as markReadOf, mine, selectConversations, selectMessages } from './query';
import { addMessage, conversationNotFound, engageListing, myName, myOrganisation, notifyOtherSide, responseNotice } from './rules';
import { conversationView, messageView, sideOf, summaryView } from './views';
import type * as r from './routes';

const membersOnly = () =>
  forbidden('members_only', 'Seuls les membres actifs du territoire peuvent répondre aux annonces et converser.');
const OPEN = ['open', 'in_progress'];
const MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export const respondToListing: RouteHandler<typeof r.respondToListing, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, listingId } = c.req.valid('param');
  const { body } = c.req.valid('json');
  return withTerritory(c.get('deps').database, { userId: user.id, slug }, idempotent(c, async (scope) => {
    if (!scope.membershipId) throw membersOnly();
    const [listing] = await scope.tx
      .select({ id: listings.id, title: listings.title, kind: listings.kind, status: listings.status, authorMembershipId: listings.authorMembershipId, organisationId: listings.organisationId })
      .from(listings)
      .where(and(eq(listings.territoryId, scope.territoryId), eq(listings.id, listingId)));
    if (!listing) throw notFound('listing_not_found', "Cette offre ou ce besoin n'existe pas ou n'est pas visible.");
    const myOrg = await myOrganisation(scope);
    if (listing.authorMembershipId === scope.membershipId || (myOrg !== null && listing.organisationId === myOrg)) {
      throw conflict('own_listing', 'C’est votre annonce (ou celle de votre structure) : vous ne pouvez pas y répondre.');
    }
    if (!OPEN.includes(listing.status)) {
      throw conflict('listing_not_open', 'Cette annonce est close : elle n’attend plus de réponse.');
    }
    const opened = await scope.tx
      .insert(conversations)
      .values({
        territoryId: scope.territoryId,
        id: crypto.randomUUID(),
        listingId,
        authorMembershipId: listing.authorMembershipId,
        authorOrganisationId: listing.organisationId,
        responderMembershipId: scope.membershipId,
        responderOrganisationId: myOrg,
      })
      .onConflictDoNothing()
      .returning({ id: conversations.id });
    const created = opened.length > 0;
    const [existing] = created
      ? opened
      : await scope.tx
          .select({ id: conversations.id })
          .from(conversations)
          .where(and(eq(conversations.territoryId, scope.territoryId), eq(conversations.listingId, listingId), eq(conversations.responderMembershipId, scope.membershipId)));
    if (!existing) throw conversationNotFound();
    const conversationId = existing.id;
    await addMessage(scope, conversationId, body);
    await markReadOf(scope, conversationId);
    const row = await findConversation(scope, conversationId);
    if (!row) throw conversationNotFound();
    const name = await myName(scope);
    const notice = created ? responseNotice(listing.kind, name, listing.title) : { kind: 'message' as const, title: `Nouveau message de ${name} : ${listing.title}` };
    await notifyOtherSide(scope, row, 'responder', { ...notice, body });
    const view = conversationView(row, await selectMessages(scope, conversationId), scope, 'responder');
    if (!created) return c.json(view, 200);
    return c.json(view, 201, { location: `/api/v1/territories/${slug}/conversations/${conversationId}` });
  }));
};

function fingerprint(query: object): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16);
}

export const listConversations: RouteHandler<typeof r.listConversations, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const query = c.req.valid('query');
  const page = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    if (!scope.membershipId) throw membersOnly();
    const print = fingerprint({ listingId: query.listingId ?? null, scope: query.scope });
    const after = decodeCursor(query.cursor, z.tuple([z.string().regex(MICROS), z.uuid(), z.literal(print)]));
    const where: SQL[] = [];
    if (query.scope === 'mine') where.push(mine(scope));
    if (query.listingId) where.push(sql`c.listing_id = ${query.listingId}::uuid`);
    if (after) where.push(sql`(c.last_message_at, c.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await selectConversations(scope, where, { limit: query.limit + 1 });
    const myOrg = await myOrganisation(scope);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => summaryView(row, sideOf(row, scope, myOrg))),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.last_key, last.id, print]) : null,
    };
  });
  return c.json(page, 200);
};

export const countUnread: RouteHandler<typeof r.countUnread, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const counts = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    if (!scope.membershipId) throw membersOnly();
    return countUnreadOf(scope);
  });
  return c.json(counts, 200);
};

export const getConversation: RouteHandler<typeof r.getConversation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, conversationId } = c.req.valid('param');
  const view = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const row = await findConversation(scope, conversationId);
    if (!row) throw conversationNotFound();
    const side = sideOf(row, scope, await myOrganisation(scope));
    return conversationView(row, await selectMessages(scope, conversationId), scope, side);
  });
  return c.json(view, 200);
};

export const sendMessage: RouteHandler<typeof r.sendMessage, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, conversationId } = c.req.valid('param');
  const { body } = c.req.valid('json');
  return withTerritory(c.get('deps').database, { userId: user.id, slug }, idempotent(c, async (scope) => {
    const row = await findConversation(scope, conversationId);
    if (!row) throw conversationNotFound();
    const side = sideOf(row, scope, await myOrganisation(scope));
    if (!side) throw forbidden('not_participant', 'Vous pouvez lire cette conversation, mais seuls ses deux côtés y écrivent.');
    const message = await addMessage(scope, conversationId, body);
    await markReadOf(scope, conversationId);
    if (side === 'author' && row.listing_status === 'open') await engageListing(scope, row.listing_id);
    const name = await myName(scope);
    await notifyOtherSide(scope, row, side, { kind: 'message', title: `Nouveau message de ${name} : ${row.listing_title}`, body });
    return c.json(messageView({ ...message, author_name: name, side }, scope), 201);
  }));
};

export const markRead: RouteHandler<typeof r.markRead, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, conversationId } = c.req.valid('param');
  const read = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const row = await findConversation(scope, conversationId);
    if (!row || !scope.membershipId) throw conversationNotFound();
    return { conversationId, lastReadAt: (await markReadOf(scope, conversationId)).toISOString(), unread: 0 as const };
  });
  return c.json(read, 200);
};
