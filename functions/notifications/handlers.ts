// In-app notifications of the current territory (the caller's own, row-level security
// underneath) and the email frequency of each kind.
import type { RouteHandler } from '@hono/zod-openapi';
import { and, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationFrequency, notificationPreferences, notifications } from '../../schemas/db';
import { requireUser } from '../shared/auth/middleware';
import { rowsOf } from '../shared/db/client';
import { type Scope, type TerritoryScope, withContext, withTerritory } from '../shared/db/tenant';
import { decodeCursor, encodeCursor } from '../shared/http/cursor';
import type { AppEnv } from '../shared/http/deps';
import type * as r from './routes';
import { notificationView } from './views';

export { getUnsubscribeLink, unsubscribe } from './unsubscribe';
export { createSavedSearch, deleteSavedSearch, listSavedSearches } from './saved-searches';

const MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function mine(scope: TerritoryScope): SQL {
  return and(eq(notifications.territoryId, scope.territoryId), eq(notifications.userId, scope.userId!))!;
}

async function unreadCount(scope: TerritoryScope): Promise<number> {
  const [row] = await scope.tx.select({ n: count() }).from(notifications).where(and(mine(scope), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export const listNotifications: RouteHandler<typeof r.listNotifications, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const { unread, limit, cursor } = c.req.valid('query');
  const after = decodeCursor(cursor, z.tuple([z.literal(unread ?? 'false'), z.string().regex(MICROS), z.uuid()]));
  const page = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const where = [mine(scope)];
    if (unread === 'true') where.push(isNull(notifications.readAt));
    if (after) where.push(sql`(${notifications.createdAt}, ${notifications.id}) < (${after[1]}::timestamptz, ${after[2]}::uuid)`);
    const rows = await scope.tx
      .select({ n: notifications, key: sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
      .from(notifications)
      .where(and(...where))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor([unread ?? 'false', last.key, last.n.id]) : null;
    return { items: items.map((row) => notificationView(row.n)), nextCursor, unreadCount: await unreadCount(scope) };
  });
  return c.json(page, 200);
};

export const countUnreadNotifications: RouteHandler<typeof r.countUnreadNotifications, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const unreadCountValue = await withTerritory(c.get('deps').database, { userId: user.id, slug }, unreadCount);
  return c.json({ unreadCount: unreadCountValue }, 200);
};

export const markNotificationsRead: RouteHandler<typeof r.markNotificationsRead, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const { ids } = c.req.valid('json');
  const out = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const where = [mine(scope), isNull(notifications.readAt)];
    if (ids) where.push(inArray(notifications.id, ids));
    const marked = await scope.tx.update(notifications).set({ readAt: new Date() }).where(and(...where)).returning({ id: notifications.id });
    return { marked: marked.length, unreadCount: await unreadCount(scope) };
  });
  return c.json(out, 200);
};

/** Every kind with its frequency: the person's choice, or the default of migration 0013. */
export async function preferencesOf(scope: Scope): Promise<Record<(typeof NOTIFICATION_KINDS)[number], NotificationFrequency>> {
  const rows = rowsOf<{ kind: (typeof NOTIFICATION_KINDS)[number]; frequency: NotificationFrequency }>(
    await scope.tx.execute(sql`
      select k.kind, coalesce(p.frequency, app.default_frequency(k.kind)) as frequency
        from unnest(enum_range(null::notification_kind)) as k(kind)
        left join notification_preferences p on p.user_id = ${scope.userId} and p.kind = k.kind`),
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r.frequency])) as Record<(typeof NOTIFICATION_KINDS)[number], NotificationFrequency>;
}

export const getNotificationPreferences: RouteHandler<typeof r.getNotificationPreferences, AppEnv> = async (c) => {
  const user = requireUser(c);
  const preferences = await withContext(c.get('deps').database, { userId: user.id }, preferencesOf);
  return c.json({ preferences }, 200);
};

export const updateNotificationPreferences: RouteHandler<typeof r.updateNotificationPreferences, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { preferences: wanted } = c.req.valid('json');
  const preferences = await withContext(c.get('deps').database, { userId: user.id }, async (scope) => {
    const rows = NOTIFICATION_KINDS.flatMap((kind) => {
      const frequency = wanted[kind];
      return frequency ? [{ userId: user.id, kind, frequency, updatedAt: new Date() }] : [];
    });
    await scope.tx
      .insert(notificationPreferences)
      .values(rows)
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { frequency: sql`excluded.frequency`, updatedAt: sql`excluded.updated_at` },
      });
    return preferencesOf(scope);
  });
  return c.json({ preferences }, 200);
};
