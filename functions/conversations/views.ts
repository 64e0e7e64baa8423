import { iso } from '../../schemas/api';
import type { TerritoryScope } from '../shared/db/tenant';
import type { ConversationRow, MessageRow } from './query';

const FORMER_MEMBER = 'Ancien membre';
const EXCERPT = 140;

export type Side = 'author' | 'responder';

/** The caller's side: in person first, then through the structure they represent. */
export function sideOf(row: ConversationRow, scope: Pick<TerritoryScope, 'membershipId'>, myOrganisationId: string | null): Side | null {
  if (!scope.membershipId) return null;
  if (row.author_membership_id === scope.membershipId) return 'author';
  if (row.responder_membership_id === scope.membershipId) return 'responder';
  if (myOrganisationId && row.author_organisation_id === myOrganisationId) return 'author';
  if (myOrganisationId && row.responder_organisation_id === myOrganisationId) return 'responder';
  return null;
}

export function excerpt(text: string, max = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function organisation(id: string | null, name: string | null) {
  return id ? { id, name: name ?? '' } : null;
}

export function summaryView(row: ConversationRow, mySide: Side | null) {
  return {
    id: row.id,
    listing: { id: row.listing_id, title: row.listing_title, kind: row.listing_kind, status: row.listing_status },
    author: {
      membershipId: row.author_membership_id,
      name: row.author_name ?? FORMER_MEMBER,
      organisation: organisation(row.author_organisation_id, row.author_organisation_name),
    },
    responder: {
      membershipId: row.responder_membership_id,
      name: row.responder_name ?? FORMER_MEMBER,
      organisation: organisation(row.responder_organisation_id, row.responder_organisation_name),
    },
    mySide,
    lastMessage:
      row.last_body === null
        ? null
        : { excerpt: excerpt(row.last_body), authorName: row.last_author_name ?? FORMER_MEMBER, createdAt: iso(row.last_at)! },
    unread: Number(row.unread),
    lastMessageAt: iso(row.last_message_at)!,
    createdAt: iso(row.created_at)!,
  };
}

export function messageView(row: MessageRow, scope: Pick<TerritoryScope, 'membershipId'>) {
  return {
    id: row.id,
    body: row.body,
    createdAt: iso(row.created_at)!,
    author: { membershipId: row.author_membership_id, name: row.author_name ?? FORMER_MEMBER },
    side: row.side,
    mine: row.author_membership_id === scope.membershipId,
  };
}

export function conversationView(row: ConversationRow, messages: MessageRow[], scope: TerritoryScope, mySide: Side | null) {
  return { ...summaryView(row, mySide), messages: messages.map((m) => messageView(m, scope)), canWrite: mySide !== null };
}
