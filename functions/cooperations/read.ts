// Reading cooperations (newest first, keyset pagination like listings) and the territory's
// figures (aggregates from app.territory_figures, migration 0014).
import type { RouteHandler } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { TerritoryFigures } from '../../schemas/api';
import { cooperations } from '../../schemas/db';
import { requireUser } from '../shared/auth/middleware';
import { rowsOf } from '../shared/db/client';
import { withTerritory } from '../shared/db/tenant';
import { decodeCursor, encodeCursor } from '../shared/http/cursor';
import type { AppEnv } from '../shared/http/deps';
import { forbidden, notFound } from '../shared/http/problems';
import { cooperationNotFound, findCooperation, partnersOf, selectCooperations, viewerOf } from './query';
import { etag } from './versions';
import { cooperationView } from './views';
import type * as r from './routes';

const MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const membersOnly = () => forbidden('members_only', 'Les coopérations se consultent entre membres actifs du territoire.');

export const listCooperations: RouteHandler<typeof r.listCooperations, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug } = c.req.valid('param');
  const q = c.req.valid('query');
  // The filters travel in the cursor, so a cursor only continues the list that produced it.
  const print = `${q.status ?? ''}|${q.listingId ?? ''}|${q.mine ?? ''}`;
  const after = decodeCursor(q.cursor, z.tuple([z.string().regex(MICROS), z.uuid(), z.literal(print)]));
  const page = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    if (!scope.role) throw membersOnly();
    const viewer = await viewerOf(scope);
    const where: SQL[] = [eq(cooperations.territoryId, scope.territoryId)];
    if (q.status) where.push(eq(cooperations.status, q.status));
    if (q.listingId) where.push(eq(cooperations.listingId, q.listingId));
    if (q.mine === 'true') where.push(sql`app.is_cooperation_party(${cooperations.territoryId}, ${cooperations.id})`);
    if (after) where.push(sql`(${cooperations.createdAt}, ${cooperations.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await selectCooperations(scope)
      .where(and(...where))
      .orderBy(desc(cooperations.createdAt), desc(cooperations.id))
      .limit(q.limit + 1);
    const items = rows.slice(0, q.limit);
    const partners = await partnersOf(scope, items.map((row) => row.cooperation.id));
    const last = items.at(-1);
    return {
      items: items.map((row) => cooperationView(row, partners.filter((p) => p.partner.cooperationId === row.cooperation.id), viewer)),
      nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdKey, last.cooperation.id, print]) : null,
    };
  });
  return c.json(page, 200);
};

export const getCooperation: RouteHandler<typeof r.getCooperation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, cooperationId } = c.req.valid('param');
  const view = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const found = await findCooperation(scope, cooperationId);
    if (!found) throw cooperationNotFound();
    return cooperationView(found.row, found.partners, await viewerOf(scope));
  });
  return c.json(view, 200, { etag: etag(view.version) });
};

export const territoryFigures: RouteHandler<typeof r.territoryFigures, AppEnv> = async (c) => {
  const { slug } = c.req.valid('param');
  const figures = await withTerritory(c.get('deps').database, { userId: c.get('user')?.id, slug }, async (scope) => {
    const [row] = rowsOf<{ figures: unknown }>(await scope.tx.execute(sql`select app.territory_figures() as figures`));
    const raw = typeof row?.figures === 'string' ? JSON.parse(row.figures) : row?.figures;
    // NULL: a private territory seen by someone who is not (or not yet) an active member.
    if (!raw) throw notFound('figures_not_visible', 'Les chiffres de ce territoire sont réservés à ses membres.');
    return TerritoryFigures.parse(raw);
  });
  return c.json(figures, 200);
};
