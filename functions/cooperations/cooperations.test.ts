import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, notifications } from '../../schemas/db';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi } from '../../tests/support/harness';
import { addMember, represent } from '../../tests/support/members';
import { type Actor, createNetwork, type Network, post } from '../listings/listings.fixtures';

describe.each(DATABASE_KINDS)('cooperations on %s', (kind) => {
  let api: TestApi;
  let net: Network;
  let base: string;
  let jamsColleague: Actor;
  let fleet: { id: string };
  let fruit: { id: string };
  let coopId: string;

  const call = (who: Actor | null, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    api.call(method, path, { token: who?.user.token, body, headers });
  const record = (who: Actor, body: Record<string, unknown>, headers?: Record<string, string>) =>
    call(who, 'POST', base, { summary: 'Prêt de deux fourgons pour la cueillette', ...body }, headers);
  const notes = async (who: Actor) =>
    (await api.db.owner.db.select().from(notifications).where(and(eq(notifications.userId, who.user.id), eq(notifications.kind, 'cooperation'))))
      .map((n) => n.title);

  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    net = await createNetwork(api, { visibility: 'public' });
    base = `/api/v1/territories/${net.territory.slug}/cooperations`;
    const user = await api.signUp('Luc Confiturier');
    const membershipId = await addMember(api, net.territory.id, user);
    await represent(api, net.territory.id, membershipId, net.jams.organisationId!);
    jamsColleague = { user, membershipId, organisationId: net.jams.organisationId };
    fleet = await post(api, net, net.hospital, 'fleet');
    fruit = await post(api, net, net.jams, 'fruit');
  });
  afterAll(() => api?.close());

  it('records a cooperation for the listing’s side, once per Idempotency-Key, and asks the partner', async () => {
    const body = { listingId: fleet.id, partners: [{ membershipId: net.jams.membershipId }], quantity: 2, unit: 'fourgons', kmAvoided: 120.5, startedOn: '2026-06-01', endedOn: '2026-06-03' };
    const res = await record(net.hospital, body, { 'idempotency-key': 'coop-1' });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({
      status: 'proposed', exchangeMode: 'pret', quantity: 2, kmAvoided: 120.5, kgSaved: null,
      listing: { id: fleet.id, status: 'open' },
      recordedBy: { membershipId: net.hospital.membershipId, organisation: { id: net.hospital.organisationId } },
      partners: [{ membershipId: net.jams.membershipId, name: 'Paul Confiturier', status: 'pending', organisation: { name: 'Confitures du Pic' } }],
      canConfirm: false, canAmend: true, canWithdraw: true,
    });
    coopId = res.body.id;
    const again = await record(net.hospital, body, { 'idempotency-key': 'coop-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(coopId);
    // The partner's side is told: the partner and the other member of their structure.
    expect(await notes(net.jams)).toEqual([expect.stringContaining('Claire Dulac (Centre hospitalier de Lannemezan) vous demande de confirmer une coopération')]);
    expect(await notes(jamsColleague)).toHaveLength(1);
    expect(await notes(net.hospital)).toEqual([]);
    const read = await call(net.jams, 'GET', `${base}/${coopId}`);
    expect(read.body).toMatchObject({ canConfirm: true, canAmend: false, canWithdraw: false });
  });

  it('refuses recorders off the listing’s side, partners on it, and values that do not agree', async () => {
    const ok = { listingId: fleet.id, partners: [{ membershipId: net.jams.membershipId }] };
    expect((await record(net.joinery, ok)).body.code).toBe('not_listing_side');
    expect((await record(net.joinery, ok)).status).toBe(403);
    const outsider = await api.call('POST', base, { token: net.outsider.token, body: { summary: 'x'.repeat(5), ...ok } });
    expect(outsider.status).toBe(403);
    expect((await api.call('POST', base, { body: { summary: 'xxxxx', ...ok } })).status).toBe(401);
    // A member of the jam producer's structure records on its listing, but the author is on their own side.
    const own = await record(jamsColleague, { listingId: fruit.id, partners: [{ membershipId: net.jams.membershipId }] });
    expect(own.status).toBe(422);
    expect(own.body).toMatchObject({ code: 'partner_on_own_side', errors: [{ path: 'partners.0.membershipId' }] });
    const self = await record(net.hospital, { ...ok, partners: [{ membershipId: net.hospital.membershipId }] });
    expect(self.body.code).toBe('partner_on_own_side');
    const [pendingMembership] = await api.db.owner.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.territoryId, net.territory.id), eq(memberships.status, 'pending')));
    for (const membershipId of [crypto.randomUUID(), pendingMembership.id]) {
      const res = await record(net.hospital, { ...ok, partners: [{ membershipId }] });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('unknown_partner');
    }
    const dates = await record(net.hospital, { ...ok, startedOn: '2026-06-05', endedOn: '2026-06-01', quantity: 3 });
    expect(dates.status).toBe(422);
    expect(dates.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['dates_out_of_order', 'unit_required']);
    expect((await record(net.hospital, { ...ok, kmAvoided: -1 })).status).toBe(400);
    expect((await record(net.hospital, { ...ok, partners: [] })).status).toBe(400);
    expect((await record(net.hospital, { ...ok, conversationId: crypto.randomUUID() })).body.code).toBe('unknown_conversation');
    expect((await record(net.hospital, { ...ok, listingId: crypto.randomUUID() })).status).toBe(404);
  });

  it('shows a proposed cooperation to its parties and moderators only', async () => {
    expect((await call(net.joinery, 'GET', `${base}/${coopId}`)).status).toBe(404);
    expect((await call(net.joinery, 'GET', base)).body.items).toEqual([]);
    expect((await call(net.facilitator, 'GET', `${base}/${coopId}`)).body).toMatchObject({ canConfirm: false, canAmend: false });
    const mine = await call(jamsColleague, 'GET', `${base}?mine=true`);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([coopId]);
    expect((await api.call('GET', base, { token: net.outsider.token })).status).toBe(403);
  });

  it('takes a dispute with its message, then an amendment asks every partner again', async () => {
    expect((await call(net.jams, 'POST', `${base}/${coopId}/dispute`, {})).status).toBe(400);
    const disputed = await call(net.jams, 'POST', `${base}/${coopId}/dispute`, { message: 'Un seul fourgon, pas deux.' });
    expect(disputed.status).toBe(200);
    expect(disputed.body).toMatchObject({ status: 'disputed', partners: [{ status: 'disputed', message: 'Un seul fourgon, pas deux.' }] });
    expect(await notes(net.hospital)).toEqual([expect.stringContaining('conteste la coopération')]);
    const path = `${base}/${coopId}`;
    expect((await call(net.jams, 'PATCH', path, { quantity: 1, version: disputed.body.version })).body.code).toBe('not_recorder');
    expect((await call(net.hospital, 'PATCH', path, { quantity: 1 })).status).toBe(428);
    expect((await call(net.hospital, 'PATCH', path, { quantity: 1 }, { 'if-match': '"1"' })).status).toBe(412);
    expect((await call(net.hospital, 'PATCH', path, { quantity: 1, version: 1 })).status).toBe(409);
    const amended = await call(net.hospital, 'PATCH', path, { quantity: 1, unit: 'fourgon' }, { 'if-match': disputed.headers.get('etag')! });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ status: 'proposed', quantity: 1, partners: [{ status: 'pending', message: '', decidedAt: null }] });
    expect(amended.body.version).toBeGreaterThan(disputed.body.version);
    expect(await notes(net.jams)).toContainEqual(expect.stringContaining('vous demande de la confirmer à nouveau'));
  });

  it('is confirmed when the partner’s structure confirms: the listing is fulfilled and the figures count it', async () => {
    const before = await api.call('GET', `/api/v1/territories/${net.territory.slug}/figures`);
    expect(before.body.cooperations).toBe(0);
    const confirmed = await call(jamsColleague, 'POST', `${base}/${coopId}/confirm`, { message: 'Merci !' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', listing: { status: 'fulfilled' }, canConfirm: false, canAmend: false });
    expect(confirmed.body.partners[0]).toMatchObject({ status: 'confirmed', message: 'Merci !' });
    expect(await notes(net.hospital)).toContainEqual(expect.stringContaining('Coopération confirmée par tous les partenaires'));
    // Now the territory's shared record: every active member sees it.
    expect((await call(net.joinery, 'GET', `${base}/${coopId}`)).status).toBe(200);
    expect((await call(net.joinery, 'GET', `${base}?status=confirmed`)).body.items).toHaveLength(1);
    // Visitors of this public territory see the aggregates, never a name.
    const figures = await api.call('GET', `/api/v1/territories/${net.territory.slug}/figures`);
    expect(figures.status).toBe(200);
    expect(figures.body).toMatchObject({
      cooperations: 1,
      structures: 2,
      byExchangeMode: [{ exchangeMode: 'pret', count: 1 }],
      byCategory: [{ slug: 'vehicules-mobilite', count: 1 }],
      impact: { kmAvoided: 120.5, kgSaved: 0, eurosSaved: 0, skillHours: 0 },
    });
    expect(figures.body.byMonth).toHaveLength(12);
    expect(JSON.stringify(figures.body)).not.toMatch(/Dulac|Confitures|Lannemezan/);
  });

  it('never changes a settled cooperation, and a withdrawn one takes no confirmation', async () => {
    const path = `${base}/${coopId}`;
    const settled = [
      await call(net.hospital, 'PATCH', path, { summary: 'Autre chose', version: 99 }),
      await call(net.hospital, 'POST', `${path}/withdraw`, {}),
      await call(net.jams, 'POST', `${path}/dispute`, { message: 'Finalement non' }),
    ];
    for (const res of settled) expect([res.status, res.body.code]).toEqual([409, 'cooperation_settled']);
    expect((await call(net.jams, 'POST', `${path}/confirm`, {})).status).toBe(200); // a retried confirmation
    const second = await record(net.jams, { listingId: fruit.id, partners: [{ membershipId: net.joinery.membershipId }], exchangeMode: 'echange' });
    expect(second.status).toBe(201);
    expect((await call(net.joinery, 'POST', `${base}/${second.body.id}/withdraw`, {})).body.code).toBe('not_recorder');
    const withdrawn = await call(net.jams, 'POST', `${base}/${second.body.id}/withdraw`, {});
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await call(net.jams, 'POST', `${base}/${second.body.id}/withdraw`, {})).status).toBe(200);
    expect(await notes(net.joinery)).toContainEqual(expect.stringContaining('a retiré une coopération'));
    const late = await call(net.joinery, 'POST', `${base}/${second.body.id}/confirm`, {});
    expect([late.status, late.body.code]).toEqual([409, 'cooperation_settled']);
    const page = await call(net.facilitator, 'GET', `${base}?limit=1`);
    expect(page.body.items[0].id).toBe(second.body.id);
    const next = await call(net.facilitator, 'GET', `${base}?limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body.items[0].id).toBe(coopId);
    expect((await call(net.facilitator, 'GET', `${base}?limit=1&status=confirmed&cursor=${page.body.nextCursor}`)).status).toBe(400);
  });

  it('records from a conversation about that listing, and refuses one about another', async () => {
    const sponsorship = await post(api, net, net.joinery, 'sponsorship');
    const opened = await call(net.jams, 'POST', `/api/v1/territories/${net.territory.slug}/listings/${sponsorship.id}/responses`, {
      body: 'Nos étagères d’atelier auraient bien besoin de vos menuisiers.',
    });
    expect(opened.status).toBe(201);
    const body = { listingId: sponsorship.id, partners: [{ membershipId: net.jams.membershipId }], summary: 'Deux jours de menuiserie à l’atelier' };
    const other = await record(net.joinery, { ...body, listingId: fleet.id, conversationId: opened.body.id });
    expect(other.status).toBe(403); // not the joinery's listing: refused before the conversation is even read
    const elsewhere = await post(api, net, net.joinery, 'farming');
    expect((await record(net.joinery, { ...body, listingId: elsewhere.id, conversationId: opened.body.id })).body.code).toBe('unknown_conversation');
    const res = await record(net.joinery, { ...body, conversationId: opened.body.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ conversationId: opened.body.id, exchangeMode: 'mecenat_competences', skillHours: null });
  });
});
