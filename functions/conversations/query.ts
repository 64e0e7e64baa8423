// How conversations are read: one select with the listing, both sides' names and
// structures, the last message and the caller's unread count. Which conversations come
// back is row-level security's decision (migration 0013): the two sides, and admins and
// facilitators only when the territory allows it. The territory of the path is always
// filtered here too.
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../shared/db/client';
import type { TerritoryScope } from '../shared/db/tenant';

export interface ConversationRow {
  id: string;
  listing_id: string;
  listing_title: string;
  listing_kind: 'offer' | 'need';
  listing_status: 'open' | 'in_progress' | 'fulfilled' | 'closed';
  author_membership_id: string;
  author_name: string | null;
  author_organisation_id: string | null;
  author_organisation_name: string | null;
  responder_membership_id: string;
  responder_name: string | null;
  responder_organisation_id: string | null;
  responder_organisation_name: string | null;
  last_body: string | null;
  last_author_name: string | null;
  last_at: Date | string | null;
  unread: number;
  last_message_at: Date | string;
  last_key: string;
  created_at: Date | string;
}

/** last_message_at to the microsecond, as text: the cursor's sort key (see listings/query.ts). */
const LAST_KEY = sql`to_char(c.last_message_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function selectConversations(
  scope: TerritoryScope,
  where: SQL[],
  options: { limit?: number } = {},
): Promise<ConversationRow[]> {
  // A person without an active membership sees no conversation (RLS); the null keeps the
  // unread count well-formed anyway.
  const me = scope.membershipId;
  const limit = options.limit ? sql`limit ${options.limit}` : sql``;
  return rowsOf<ConversationRow>(
    await scope.tx.execute(sql`
      select c.id, c.listing_id, l.title as listing_title, l.kind as listing_kind, l.status as listing_status,
             c.author_membership_id, au.name as author_name,
             c.author_organisation_id, ao.name as author_organisation_name,
             c.responder_membership_id, ru.name as responder_name,
             c.responder_organisation_id, ro.name as responder_organisation_name,
             lm.body as last_body, lmu.name as last_author_name, lm.created_at as last_at,
             (select count(*)::int from conversation_messages m
               where m.territory_id = c.territory_id and m.conversation_id = c.id
                 and m.author_membership_id is distinct from ${me}::uuid
                 and m.created_at > coalesce(r.last_read_at, '-infinity'::timestamptz)) as unread,
             c.last_message_at, ${LAST_KEY} as last_key, c.created_at
        from conversations c
        join listings l on l.territory_id = c.territory_id and l.id = c.listing_id
        left join memberships am on am.territory_id = c.territory_id and am.id = c.author_membership_id
        left join users au on au.id = am.user_id
        left join organisations ao on ao.territory_id = c.territory_id and ao.id = c.author_organisation_id
        left join memberships rm on rm.territory_id = c.territory_id and rm.id = c.responder_membership_id
        left join users ru on ru.id = rm.user_id
        left join organisations ro on ro.territory_id = c.territory_id and ro.id = c.responder_organisation_id
        left join conversation_reads r
          on r.territory_id = c.territory_id and r.conversation_id = c.id and r.membership_id = ${me}::uuid
        left join lateral (
          select m.body, m.created_at, m.author_membership_id from conversation_messages m
           where m.territory_id = c.territory_id and m.conversation_id = c.id
           order by m.created_at desc, m.id desc limit 1) lm on true
        left join memberships lmm on lmm.territory_id = c.territory_id and lmm.id = lm.author_membership_id
        left join users lmu on lmu.id = lmm.user_id
       where c.territory_id = ${scope.territoryId} ${where.length ? sql`and ${sql.join(where, sql` and `)}` : sql``}
       order by c.last_message_at desc, c.id desc
       ${limit}`),
  );
}

export async function findConversation(scope: TerritoryScope, conversationId: string): Promise<ConversationRow | undefined> {
  const [row] = await selectConversations(scope, [sql`c.id = ${conversationId}::uuid`]);
  return row;
}

export interface MessageRow {
  id: string;
  body: string;
  created_at: Date | string;
  author_membership_id: string;
  author_name: string | null;
  side: 'author' | 'responder';
}

/** The messages, oldest first; the side of each author is told by the conversation's own columns. */
export async function selectMessages(scope: TerritoryScope, conversationId: string): Promise<MessageRow[]> {
  return rowsOf<MessageRow>(
    await scope.tx.execute(sql`
      select m.id, m.body, m.created_at, m.author_membership_id, u.name as author_name,
             case when m.author_membership_id = c.author_membership_id then 'author'
                  when m.author_membership_id = c.responder_membership_id then 'responder'
                  when c.author_organisation_id is not null and mm.organisation_id = c.author_organisation_id then 'author'
                  else 'responder' end as side
        from conversation_messages m
        join conversations c on c.territory_id = m.territory_id and c.id = m.conversation_id
        left join memberships mm on mm.territory_id = m.territory_id and mm.id = m.author_membership_id
        left join users u on u.id = mm.user_id
       where m.territory_id = ${scope.territoryId} and m.conversation_id = ${conversationId}::uuid
       order by m.created_at asc, m.id asc`),
  );
}

/** The conversations the caller is a side of (in person or through their structure). */
export const mine = (scope: TerritoryScope): SQL => sql`(c.author_membership_id = ${scope.membershipId}::uuid
  or c.responder_membership_id = ${scope.membershipId}::uuid
  or (select app.my_organisation_id(${scope.territoryId}::uuid)) in (c.author_organisation_id, c.responder_organisation_id))`;

/** Total unread messages of the caller in their own conversations, and in how many of them. */
export async function countUnread(scope: TerritoryScope): Promise<{ unread: number; conversations: number }> {
  const [row] = rowsOf<{ unread: number; conversations: number }>(
    await scope.tx.execute(sql`
      select coalesce(sum(n), 0)::int as unread, count(*) filter (where n > 0)::int as conversations
        from (select (select count(*) from conversation_messages m
                       where m.territory_id = c.territory_id and m.conversation_id = c.id
                         and m.author_membership_id is distinct from ${scope.membershipId}::uuid
                         and m.created_at > coalesce(r.last_read_at, '-infinity'::timestamptz)) as n
                from conversations c
                left join conversation_reads r
                  on r.territory_id = c.territory_id and r.conversation_id = c.id and r.membership_id = ${scope.membershipId}::uuid
               where c.territory_id = ${scope.territoryId} and ${mine(scope)}) per_conversation`),
  );
  return row ?? { unread: 0, conversations: 0 };
}

/** Up to now, for the caller (the read state is per person, RLS keeps it theirs). */
export async function markRead(scope: TerritoryScope, conversationId: string): Promise<Date> {
  const [row] = rowsOf<{ last_read_at: Date | string }>(
    await scope.tx.execute(sql`
      insert into conversation_reads (territory_id, conversation_id, membership_id, last_read_at)
      values (${scope.territoryId}, ${conversationId}::uuid, ${scope.membershipId}::uuid, now())
      on conflict (territory_id, conversation_id, membership_id) do update set last_read_at = excluded.last_read_at
      returning last_read_at`),
  );
  return new Date(row!.last_read_at);
}
