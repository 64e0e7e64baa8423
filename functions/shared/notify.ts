// In-app notifications (issue 5): every function that makes something happen to someone
// calls notify() in the same transaction, so a rolled-back request notifies nobody.
// Emails are not sent here: the scheduled `digests` function emails what is due, at once
// or in a digest, as each person chose (functions/digests).
import { inArray, sql } from 'drizzle-orm';
import { memberships, notifications, type NotificationKind } from '../../schemas/db';
import type { TerritoryScope } from './db/tenant';

export interface NotificationInput {
  kind: NotificationKind;
  /** A French sentence that stands alone: "Marie Dupuy peut vous aider : Prêt d'un fourgon". */
  title: string;
  body?: string;
  /** A site path (functions/shared/mail/links.ts SITE_PATHS). */
  link: string;
  /** What it is about (listing, conversation, cooperation…), to recognise repeats. */
  subjectId?: string | null;
  /** Already emailed by the calling function (membership decisions): stored as handled, never mailed again. */
  emailed?: boolean;
}

/**
 * Notifies people of the current territory. The acting person is never notified of what
 * they did themselves; duplicates are removed. Row-level security lets only active members
 * notify, and only people who belong to the territory.
 */
export async function notify(scope: TerritoryScope, userIds: Iterable<string>, n: NotificationInput): Promise<number> {
  const recipients = [...new Set(userIds)].filter((id) => id && id !== scope.userId);
  if (recipients.length === 0) return 0;
  await scope.tx.insert(notifications).values(
    recipients.map((userId) => ({
      territoryId: scope.territoryId,
      id: crypto.randomUUID(),
      userId,
      kind: n.kind,
      title: n.title.slice(0, 300),
      body: (n.body ?? '').slice(0, 2000),
      link: n.link,
      subjectId: n.subjectId ?? null,
      emailedAt: n.emailed ? new Date() : null,
    })),
  );
  return recipients.length;
}

/**
 * The people behind memberships and the structures they represent: for "the author's side"
 * of a listing or a conversation. Only active members are returned (what active members see).
 */
export async function peopleOf(
  scope: TerritoryScope,
  side: { membershipIds?: (string | null | undefined)[]; organisationIds?: (string | null | undefined)[] },
): Promise<string[]> {
  const ids = (side.membershipIds ?? []).filter((x): x is string => !!x);
  const orgs = (side.organisationIds ?? []).filter((x): x is string => !!x);
  if (ids.length === 0 && orgs.length === 0) return [];
  const rows = await scope.tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      sql`${memberships.territoryId} = ${scope.territoryId} and ${memberships.status} = 'active' and (${
        ids.length ? inArray(memberships.id, ids) : sql`false`
      } or ${orgs.length ? inArray(memberships.organisationId, orgs) : sql`false`})`,
    );
  return [...new Set(rows.map((r) => r.userId))];
}
