// What happens to a recorded cooperation: the recorder amends it (every partner is asked
// again) or withdraws it; a partner confirms or disputes it for themself or their
// structure. Once confirmed or withdrawn it never changes again (409 cooperation_settled).
// Confirmation itself is the database's: app.settle_cooperation (0013) confirms the
// cooperation and marks its listing fulfilled when the last partner says yes.
import type { RouteHandler } from '@hono/zod-openapi';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { cooperationPartners, cooperations } from '../../schemas/db';
import { requireUser } from '../shared/auth/middleware';
import { type TerritoryScope, withTerritory } from '../shared/db/tenant';
import type { AppEnv } from '../shared/http/deps';
import { conflict, forbidden } from '../shared/http/problems';
import { announce } from './notices';
import { cooperationNotFound, findCooperation, type Viewer, viewerOf } from './query';
import { checkCoherence, decimal } from './rules';
import { checkVersion, etag, type Expectation, parseIfMatch, raceVia, requirePrecondition, stale } from './versions';
import { cooperationView, isOpen, linesOf } from './views';
import type * as r from './routes';

type Cooperation = typeof cooperations.$inferSelect;

const settled = (status: string) =>
  conflict(
    'cooperation_settled',
    status === 'confirmed'
      ? 'Cette coopération est confirmée par tous ses partenaires : elle ne change plus.'
      : 'Cette coopération a été retirée : elle ne change plus.',
    { status },
  );

const notRecorder = () => forbidden('not_recorder', "Seule la personne qui a enregistré cette coopération peut la corriger ou la retirer.");

async function load(scope: TerritoryScope, id: string): Promise<Cooperation> {
  const [row] = await scope.tx
    .select()
    .from(cooperations)
    .where(and(eq(cooperations.territoryId, scope.territoryId), eq(cooperations.id, id)));
  if (!row) throw cooperationNotFound();
  return row;
}

async function view(scope: TerritoryScope, viewer: Viewer, id: string) {
  const found = await findCooperation(scope, id);
  if (!found) throw cooperationNotFound();
  return cooperationView(found.row, found.partners, viewer);
}

/** The recorder's change: one UPDATE … WHERE version = <read version>, so a lost race never overwrites. */
async function recorderUpdate(scope: TerritoryScope, current: Cooperation, set: Partial<Cooperation>, expect: Expectation) {
  const here = and(eq(cooperations.territoryId, scope.territoryId), eq(cooperations.id, current.id));
  const updated = await scope.tx
    .update(cooperations)
    .set({ ...set, version: sql`${cooperations.version} + 1`, updatedAt: sql`now()` })
    .where(and(here, eq(cooperations.version, current.version)))
    .returning({ id: cooperations.id });
  if (updated.length === 0) {
    const [now] = await scope.tx.select({ version: cooperations.version, status: cooperations.status }).from(cooperations).where(here);
    if (!now) throw cooperationNotFound();
    if (!isOpen(now.status)) throw settled(now.status);
    throw stale(now.version, raceVia(expect));
  }
}

export const updateCooperation: RouteHandler<typeof r.updateCooperation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, cooperationId } = c.req.valid('param');
  const { version, ...changes } = c.req.valid('json');
  const expect: Expectation = { ifMatch: parseIfMatch(c.req.valid('header')['if-match']), version };
  requirePrecondition(expect);
  const result = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const viewer = await viewerOf(scope);
    const current = await load(scope, cooperationId);
    if (current.recordedByMembershipId !== viewer.membershipId) throw notRecorder();
    if (!isOpen(current.status)) throw settled(current.status);
    checkVersion(current.version, expect);
    const pick = <K extends keyof typeof changes>(k: K, stored: unknown) => (changes[k] !== undefined ? changes[k] : stored);
    checkCoherence({
      quantity: pick('quantity', current.quantity) as number | string | null,
      unit: pick('unit', current.unit) as string | null,
      startedOn: pick('startedOn', current.startedOn) as string | null,
      endedOn: pick('endedOn', current.endedOn) as string | null,
    });
    const { quantity, kmAvoided, kgSaved, eurosSaved, skillHours, ...rest } = changes;
    const set: Partial<Cooperation> = { ...rest, status: 'proposed' };
    for (const [k, v] of Object.entries({ quantity, kmAvoided, kgSaved, eurosSaved, skillHours })) {
      if (v !== undefined) (set as Record<string, unknown>)[k] = decimal(v);
    }
    // The cooperation first (it holds the version), then every partner is asked again.
    await recorderUpdate(scope, current, set, expect);
    await scope.tx
      .update(cooperationPartners)
      .set({ status: 'pending', message: '', decidedAt: null, decidedByMembershipId: null })
      .where(and(eq(cooperationPartners.territoryId, scope.territoryId), eq(cooperationPartners.cooperationId, current.id)));
    const amended = await view(scope, viewer, current.id);
    await announce(scope, viewer, amended, 'amended');
    return amended;
  });
  return c.json(result, 200, { etag: etag(result.version) });
};

export const withdrawCooperation: RouteHandler<typeof r.withdrawCooperation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, cooperationId } = c.req.valid('param');
  const body = c.req.valid('json') as { version?: number };
  const expect: Expectation = { ifMatch: parseIfMatch(c.req.valid('header')['if-match']), version: body.version };
  const result = await withTerritory(c.get('deps').database, { userId: user.id, slug }, async (scope) => {
    const viewer = await viewerOf(scope);
    const current = await load(scope, cooperationId);
    if (current.recordedByMembershipId !== viewer.membershipId) throw notRecorder();
    // Withdrawing twice changes nothing: a retried request is harmless.
    if (current.status === 'withdrawn') return view(scope, viewer, current.id);
    if (!isOpen(current.status)) throw settled(current.status);
    checkVersion(current.version, expect);
    await recorderUpdate(scope, current, { status: 'withdrawn' }, expect);
    const withdrawn = await view(scope, viewer, current.id);
    await announce(scope, viewer, withdrawn, 'withdrawn');
    return withdrawn;
  });
  return c.json(result, 200, { etag: etag(result.version) });
};

async function decide(scope: TerritoryScope, cooperationId: string, decision: 'confirmed' | 'disputed', message: string) {
  const viewer = await viewerOf(scope);
  const current = await load(scope, cooperationId);
  const partners = await scope.tx
    .select()
    .from(cooperationPartners)
    .where(and(eq(cooperationPartners.territoryId, scope.territoryId), eq(cooperationPartners.cooperationId, current.id)));
  const mine = linesOf(viewer, partners);
  if (mine.length === 0) {
    throw forbidden('not_partner', 'Seuls les partenaires de cette coopération (ou les membres de leur structure) la confirment ou la contestent.');
  }
  // A confirmation sent again after the cooperation settled is answered, not refused.
  if (current.status === 'confirmed' && decision === 'confirmed') return view(scope, viewer, current.id);
  if (!isOpen(current.status)) throw settled(current.status);
  await scope.tx
    .update(cooperationPartners)
    .set({ status: decision, message, decidedAt: sql`now()`, decidedByMembershipId: viewer.membershipId })
    .where(
      and(
        eq(cooperationPartners.territoryId, scope.territoryId),
        eq(cooperationPartners.cooperationId, current.id),
        inArray(cooperationPartners.membershipId, mine.map((p) => p.membershipId)),
      ),
    );
  const decided = await view(scope, viewer, current.id);
  await announce(scope, viewer, decided, decision, message);
  return decided;
}

export const confirmCooperation: RouteHandler<typeof r.confirmCooperation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, cooperationId } = c.req.valid('param');
  const body = c.req.valid('json') as { message?: string };
  const result = await withTerritory(c.get('deps').database, { userId: user.id, slug }, (scope) =>
    decide(scope, cooperationId, 'confirmed', body.message?.trim() ?? ''),
  );
  return c.json(result, 200, { etag: etag(result.version) });
};

export const disputeCooperation: RouteHandler<typeof r.disputeCooperation, AppEnv> = async (c) => {
  const user = requireUser(c);
  const { slug, cooperationId } = c.req.valid('param');
  const { message } = c.req.valid('json');
  const result = await withTerritory(c.get('deps').database, { userId: user.id, slug }, (scope) =>
    decide(scope, cooperationId, 'disputed', message),
  );
  return c.json(result, 200, { etag: etag(result.version) });
};
