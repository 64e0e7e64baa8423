import type { RouteHandler } from '@hono/zod-openapi';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { iso } from '../../schemas/api';
import { auditLog, users } from '../../schemas/db';
import { requireUser } from '../shared/auth/middleware';
import { withTerritory } from '../shared/db/tenant';
import { decodeCursor, encodeCursor } from '../shared/http/cursor';
import type { AppEnv } from '../shared/http/deps';
import { forbidden } from '../shared/http/problems';
import type * as r from './routes';

const AuditCursor = z.tuple([z.iso.datetime(), z.uuid()]);

export const listAuditLog: RouteHandler<typeof r.listAuditLog, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const { limit, cursor } = c.req.valid('query');
  const after = decodeCursor(cursor, AuditCursor);
  const rows = await withTerritory(c.get('deps').database, { userId: user.id, slug }, (scope) => {
    if (scope.role !== 'admin' && scope.role !== 'facilitator') {
      throw forbidden('facilitators_only', 'Le journal est réservé aux administrateurs et aux animateurs.');
    }
    const before = after
      ? or(lt(auditLog.createdAt, new Date(after[0])), and(eq(auditLog.createdAt, new Date(after[0])), lt(auditLog.id, after[1])))
      : undefined;
    return scope.tx
      .select({ entry: auditLog, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.territoryId, scope.territoryId), before))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(limit + 1);
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1)?.entry;
  return c.json(
    {
      items: page.map(({ entry, actorName }) => ({
        id: entry.id,
        actor: entry.actorUserId ? { id: entry.actorUserId, name: actorName ?? 'Ancien membre' } : null,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        details: entry.details as Record<string, unknown>,
        createdAt: iso(entry.createdAt)!,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([iso(last.createdAt)!, last.id]) : null,
    },
    200,
  );
};
