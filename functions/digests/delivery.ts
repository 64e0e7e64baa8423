// One delivery run: emails the notifications that are due. « immediately » ones on every
// run, daily and weekly digests once per period (app.claim_digest_period), and those whose
// kind is set to « never » are marked handled without email. Who is due comes as ids
// only (app.notification_recipients_due); each recipient's notifications are then read,
// mailed and marked in one transaction ACTING AS THAT RECIPIENT, so row-level security
// stays the backstop. The mail is sent before the commit: a failed send rolls back and is
// retried on the next run (at least once, never silently lost).
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type NotificationFrequency, notifications, territories, unsubscribeTokens, users } from '../../schemas/db';
import { generateToken, hashToken } from '../shared/auth/tokens';
import { rowsOf } from '../shared/db/client';
import { withContext } from '../shared/db/tenant';
import type { Deps } from '../shared/http/deps';
import { preferencesOf } from '../notifications/handlers';
import { digestMail } from './email';
import { duePeriods } from './periods';

const UNSUBSCRIBE_DAYS = 90;

export interface DeliveryResult {
  /** Emails sent. */
  emails: number;
  /** Notifications emailed, and those marked handled without email (« never »). */
  notified: number;
  skipped: number;
  /** Digest periods this run claimed and sent. */
  periods: string[];
}

type Deliverable = Exclude<NotificationFrequency, 'never'>;

export async function deliverNotifications(deps: Pick<Deps, 'database' | 'mailer' | 'config' | 'logger'>, options: { now?: Date } = {}): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const result: DeliveryResult = { emails: 0, notified: 0, skipped: 0, periods: [] };
  const due = duePeriods(now);
  const frequencies: NotificationFrequency[] = ['never', 'immediately'];
  for (const [frequency, period] of [['daily', due.daily], ['weekly', due.weekly]] as const) {
    if (period && (await claim(deps, period))) {
      frequencies.push(frequency);
      result.periods.push(period);
    }
  }
  for (const frequency of frequencies) {
    const recipients = await withContext(deps.database, {}, async (scope) =>
      rowsOf<{ territory_id: string; user_id: string }>(
        await scope.tx.execute(sql`select territory_id, user_id from app.notification_recipients_due(${frequency}::notification_frequency)`),
      ),
    );
    for (const r of recipients) {
      try {
        await deliverTo(deps, r.territory_id, r.user_id, frequency, now, result);
      } catch (err) {
        // One bad address must not stop everyone else's emails; the next run retries it.
        deps.logger.warn('notification delivery failed', { userId: r.user_id, territoryId: r.territory_id, error: String(err) });
      }
    }
  }
  for (const period of result.periods) {
    await withContext(deps.database, {}, (scope) => scope.tx.execute(sql`select app.finish_digest_period(${period})`));
  }
  if (result.emails > 0 || result.periods.length > 0) deps.logger.info('notifications delivered', { ...result });
  return result;
}

async function claim(deps: Pick<Deps, 'database'>, period: string): Promise<boolean> {
  const [row] = await withContext(deps.database, {}, async (scope) =>
    rowsOf<{ claimed: boolean }>(await scope.tx.execute(sql`select app.claim_digest_period(${period}) as claimed`)),
  );
  return row?.claimed === true;
}

async function deliverTo(
  deps: Pick<Deps, 'database' | 'mailer' | 'config'>,
  territoryId: string,
  userId: string,
  frequency: NotificationFrequency,
  now: Date,
  result: DeliveryResult,
): Promise<void> {
  await withContext(deps.database, { userId, territoryId }, async (scope) => {
    const preferences = await preferencesOf(scope);
    const kinds = Object.entries(preferences).filter(([, f]) => f === frequency).map(([k]) => k);
    const pending = (
      await scope.tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.territoryId, territoryId), eq(notifications.userId, userId), isNull(notifications.emailedAt)))
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
    ).filter((n) => kinds.includes(n.kind));
    if (pending.length === 0) return;
    const ids = pending.map((n) => n.id);
    await scope.tx
      .update(notifications)
      .set({ emailedAt: now })
      .where(and(eq(notifications.territoryId, territoryId), inArray(notifications.id, ids)));
    if (frequency === 'never') {
      result.skipped += pending.length;
      return;
    }
    const [person] = await scope.tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
    if (!person) return;
    const [territory] = await scope.tx.select({ name: territories.name }).from(territories).where(eq(territories.id, territoryId));
    const token = generateToken();
    await scope.tx.insert(unsubscribeTokens).values({
      id: hashToken(token),
      userId,
      kinds: [...new Set(pending.map((n) => n.kind))],
      expiresAt: new Date(now.getTime() + UNSUBSCRIBE_DAYS * 86_400_000),
    });
    await deps.mailer.send(
      digestMail({
        to: person.email,
        name: person.name,
        territory: territory?.name ?? 'SoliTERR',
        frequency: frequency as Deliverable,
        items: pending,
        unsubscribeToken: token,
        publicUrl: deps.config.PUBLIC_URL,
      }),
    );
    result.emails += 1;
    result.notified += pending.length;
  });
}
