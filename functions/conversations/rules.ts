// What happens around a message: who the caller is, the listing moving to « en cours »
// when its side engages, and who is notified.
import { eq, sql } from 'drizzle-orm';
import { conversationMessages, users } from '../../schemas/db';
import { rowsOf } from '../shared/db/client';
import type { TerritoryScope } from '../shared/db/tenant';
import { notFound } from '../shared/http/problems';
import { SITE_PATHS } from '../shared/mail/links';
import { notify, peopleOf } from '../shared/notify';
import type { ConversationRow, MessageRow } from './query';
import { excerpt, type Side } from './views';

/** Not found, or not ours to see: the same answer, so existence is never revealed. */
export const conversationNotFound = () =>
  notFound('conversation_not_found', "Cette conversation n'existe pas ou ne vous est pas accessible.");

/** The structure the caller represents in this territory, if any. */
export async function myOrganisation(scope: TerritoryScope): Promise<string | null> {
  const [row] = rowsOf<{ id: string | null }>(await scope.tx.execute(sql`select app.my_organisation_id(${scope.territoryId}) as id`));
  return row?.id ?? null;
}

export async function myName(scope: TerritoryScope): Promise<string> {
  if (!scope.userId) return 'Un membre';
  const [row] = await scope.tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
  return row?.name ?? 'Un membre';
}

export async function addMessage(scope: TerritoryScope, conversationId: string, body: string): Promise<Omit<MessageRow, 'author_name' | 'side'>> {
  const id = crypto.randomUUID();
  const [row] = await scope.tx
    .insert(conversationMessages)
    .values({ territoryId: scope.territoryId, id, conversationId, authorMembershipId: scope.membershipId!, body })
    .returning({ createdAt: conversationMessages.createdAt });
  return { id, body, created_at: row!.createdAt, author_membership_id: scope.membershipId! };
}

/**
 * The listing's side answered on an open listing: it is now « en cours ». Row-level
 * security lets its author (and admins and facilitators) change it; when a colleague of
 * the author's structure answers, the update matches nothing and the author moves it
 * themselves (docs/decisions, « in progress when the author engages »).
 */
export async function engageListing(scope: TerritoryScope, listingId: string): Promise<void> {
  await scope.tx.execute(sql`
    update listings set status = 'in_progress', version = version + 1, updated_at = now()
     where territory_id = ${scope.territoryId} and id = ${listingId}::uuid and status = 'open'`);
}

export function responseNotice(kind: 'offer' | 'need', name: string, title: string) {
  return {
    kind: 'response' as const,
    title: kind === 'need' ? `${name} peut vous aider : ${title}` : `${name} s’intéresse à votre offre : ${title}`,
  };
}

/** The people of the other side (in person and through their structure), never the sender. */
export async function notifyOtherSide(
  scope: TerritoryScope,
  row: ConversationRow,
  from: Side,
  notice: { kind: 'response' | 'message'; title: string; body: string },
): Promise<void> {
  const side =
    from === 'author'
      ? { membershipIds: [row.responder_membership_id], organisationIds: [row.responder_organisation_id] }
      : { membershipIds: [row.author_membership_id], organisationIds: [row.author_organisation_id] };
  const people = await peopleOf(scope, side);
  await notify(scope, people, {
    kind: notice.kind,
    title: notice.title,
    body: excerpt(notice.body, 300),
    link: SITE_PATHS.conversation(scope.territory.slug, row.id),
    subjectId: row.id,
  });
}
