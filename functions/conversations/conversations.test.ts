import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listings, notifications } from '../../schemas/db';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi } from '../../tests/support/harness';
import { createNetwork, type Network, post } from '../listings/listings.fixtures';

describe.each(DATABASE_KINDS)('conversations on %s', (kind) => {
  let api: TestApi;
  let net: Network;
  let fleet: { id: string; title: string };
  let fruit: { id: string };
  let base: string;
  /** The jam producer's response to the hospital's fleet, opened by the first test. */
  let conversationId: string;

  const respond = (token: string, listingId: string, body: unknown = { body: 'Bonjour, un fourgon samedi ?' }, headers = {}) =>
    api.call('POST', `/api/v1/territories/${net.territory.slug}/listings/${listingId}/responses`, { token, body, headers });
  const noticesOf = (userId: string) =>
    api.db.owner.db.select().from(notifications).where(and(eq(notifications.territoryId, net.territory.id), eq(notifications.userId, userId)));

  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    net = await createNetwork(api);
    base = `/api/v1/territories/${net.territory.slug}/conversations`;
    fleet = await post(api, net, net.hospital, 'fleet');
    fruit = await post(api, net, net.jams, 'fruit');
  });
  afterAll(() => api?.close());

  it('opens one private conversation per listing and responder, and notifies the author’s side', async () => {
    const first = await respond(net.jams.user.token, fleet.id, { body: '  Bonjour, un fourgon samedi pour livrer nos confitures ?  ' });
    expect(first.status).toBe(201);
    conversationId = first.body.id;
    expect(first.headers.get('location')).toBe(`${base}/${conversationId}`);
    expect(first.body).toMatchObject({
      listing: { id: fleet.id, title: fleet.title, kind: 'offer', status: 'open' },
      author: { membershipId: net.hospital.membershipId, name: 'Claire Dulac', organisation: { name: 'Centre hospitalier de Lannemezan' } },
      responder: { membershipId: net.jams.membershipId, name: 'Paul Confiturier', organisation: { name: 'Confitures du Pic' } },
      mySide: 'responder',
      canWrite: true,
      unread: 0,
      messages: [{ body: 'Bonjour, un fourgon samedi pour livrer nos confitures ?', side: 'responder', mine: true, author: { name: 'Paul Confiturier' } }],
    });
    const [notice] = await noticesOf(net.hospital.user.id);
    expect(notice).toMatchObject({ kind: 'response', link: `/t/${net.territory.slug}/conversations/${conversationId}`, subjectId: conversationId });
    expect(notice!.title).toBe(`Paul Confiturier s’intéresse à votre offre : ${fleet.title}`);
    expect(await noticesOf(net.jams.user.id)).toHaveLength(0);

    const again = await respond(net.jams.user.token, fleet.id, { body: 'Ou dimanche ?' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(conversationId);
    expect(again.body.messages.map((m: { body: string }) => m.body)).toEqual(['Bonjour, un fourgon samedi pour livrer nos confitures ?', 'Ou dimanche ?']);
    expect((await noticesOf(net.hospital.user.id)).map((n) => n.kind).sort()).toEqual(['message', 'response']);
  });

  it('replays a response sent again with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `reponse-${kind}` };
    const first = await respond(net.joinery.user.token, fruit.id, { body: 'Nous avons des caisses en bois.' }, headers);
    const replay = await respond(net.joinery.user.token, fruit.id, { body: 'Nous avons des caisses en bois.' }, headers);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const read = await api.call('GET', `${base}/${first.body.id}`, { token: net.joinery.user.token });
    expect(read.body.messages).toHaveLength(1);
  });

  it('refuses responses to one’s own listing, to a closed one, from non-members, and bad bodies', async () => {
    const own = await respond(net.hospital.user.token, fleet.id);
    expect([own.status, own.body.code]).toEqual([409, 'own_listing']);
    const closed = await post(api, net, net.joinery, 'sponsorship');
    await api.call('POST', `/api/v1/territories/${net.territory.slug}/listings/${closed.id}/close`, { token: net.joinery.user.token });
    const late = await respond(net.jams.user.token, closed.id);
    expect([late.status, late.body.code]).toEqual([409, 'listing_not_open']);
    for (const who of [net.pending, net.outsider]) {
      const res = await respond(who.token, fleet.id);
      expect([res.status, res.body.code]).toEqual([403, 'members_only']);
    }
    expect((await respond(net.jams.user.token, crypto.randomUUID())).status).toBe(404);
    expect((await api.call('POST', `/api/v1/territories/${net.territory.slug}/listings/${fleet.id}/responses`, { body: { body: 'x' } })).status).toBe(401);
    for (const body of [{ body: '   ' }, { body: 'x'.repeat(4001) }, {}, { body: 'ok', extra: 1 }]) {
      expect((await respond(net.jams.user.token, fleet.id, body)).status).toBe(400);
    }
  });

  it('counts unread messages, marks them read, and moves the listing to in progress when its author answers', async () => {
    const before = await api.call('GET', `${base}/unread`, { token: net.hospital.user.token });
    expect(before.body).toEqual({ unread: 2, conversations: 1 });
    const reply = await api.call('POST', `${base}/${conversationId}/messages`, { token: net.hospital.user.token, body: { body: 'Samedi, c’est possible.' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ body: 'Samedi, c’est possible.', side: 'author', mine: true, author: { name: 'Claire Dulac' } });
    // Answering reads what came before it.
    expect((await api.call('GET', `${base}/unread`, { token: net.hospital.user.token })).body).toEqual({ unread: 0, conversations: 0 });
    const [listing] = await api.db.owner.db.select().from(listings).where(and(eq(listings.territoryId, net.territory.id), eq(listings.id, fleet.id)));
    expect([listing!.status, listing!.version]).toEqual(['in_progress', 2]);
    const notices = (await noticesOf(net.jams.user.id)).filter((n) => n.subjectId === conversationId);
    expect(notices.map((n) => [n.kind, n.title])).toEqual([['message', `Nouveau message de Claire Dulac : ${fleet.title}`]]);

    // The jam producer also has the joinery's unread response to their need.
    expect((await api.call('GET', `${base}/unread`, { token: net.jams.user.token })).body).toEqual({ unread: 2, conversations: 2 });
    const mine = await api.call('GET', base, { token: net.jams.user.token });
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.items[0]).toMatchObject({ id: conversationId, unread: 1, mySide: 'responder', listing: { status: 'in_progress' }, lastMessage: { excerpt: 'Samedi, c’est possible.', authorName: 'Claire Dulac' } });
    const read = await api.call('POST', `${base}/${conversationId}/read`, { token: net.jams.user.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ conversationId, unread: 0 });
    expect((await api.call('GET', base, { token: net.jams.user.token })).body.items[0].unread).toBe(0);
    expect((await api.call('GET', `${base}/unread`, { token: net.jams.user.token })).body).toEqual({ unread: 1, conversations: 1 });
  });

  it('lists newest activity first, page by page, and by listing', async () => {
    const page1 = await api.call('GET', `${base}?limit=1`, { token: net.jams.user.token });
    expect(page1.body.items.map((c: { id: string }) => c.id)).toEqual([conversationId]);
    const author = await api.call('GET', `${base}?limit=1`, { token: net.jams.user.token });
    expect(author.body.nextCursor).not.toBeNull(); // the joinery's response to the jam producer's need
    const page2 = await api.call('GET', `${base}?limit=1&cursor=${author.body.nextCursor}`, { token: net.jams.user.token });
    expect(page2.body.items[0]).toMatchObject({ listing: { id: fruit.id }, mySide: 'author' });
    expect(page2.body.nextCursor).toBeNull();
    const byListing = await api.call('GET', `${base}?listingId=${fruit.id}`, { token: net.jams.user.token });
    expect(byListing.body.items).toHaveLength(1);
    expect((await api.call('GET', `${base}?cursor=abc`, { token: net.jams.user.token })).body.code).toBe('invalid_cursor');
  });

  it('shows a conversation to its two sides only; facilitators read it only when the territory allows it', async () => {
    const url = `${base}/${conversationId}`;
    for (const who of [net.joinery.user, net.facilitator.user, net.admin.user, net.pending, net.outsider]) {
      const res = await api.call('GET', url, { token: who.token });
      expect([res.status, res.body.code]).toEqual([404, 'conversation_not_found']);
      const write = await api.call('POST', `${url}/messages`, { token: who.token, body: { body: 'Je m’invite.' } });
      expect(write.status).toBe(404);
      expect((await api.call('POST', `${url}/read`, { token: who.token })).status).toBe(404);
    }
    expect((await api.call('GET', base, { token: net.joinery.user.token })).body.items.map((c: { id: string }) => c.id)).not.toContain(conversationId);

    // Another territory never reads it, under its own slug or this one's.
    const elsewhere = await api.createTerritory(net.outsider, { name: 'Coteaux voisins' });
    for (const slug of [elsewhere.slug, net.territory.slug]) {
      expect((await api.call('GET', `/api/v1/territories/${slug}/conversations/${conversationId}`, { token: net.outsider.token })).status).toBe(404);
    }

    const on = await api.call('PATCH', `/api/v1/territories/${net.territory.slug}`, { token: net.admin.user.token, body: { facilitatorsReadConversations: true } });
    expect([on.status, on.body.facilitatorsReadConversations]).toEqual([200, true]);
    const seen = await api.call('GET', url, { token: net.facilitator.user.token });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ mySide: null, canWrite: false });
    expect(seen.body.messages).toHaveLength(3);
    const write = await api.call('POST', `${url}/messages`, { token: net.facilitator.user.token, body: { body: 'Bonjour à vous deux.' } });
    expect([write.status, write.body.code]).toEqual([403, 'not_participant']);
    expect((await api.call('GET', base, { token: net.facilitator.user.token })).body.items).toHaveLength(0);
    expect((await api.call('GET', `${base}?scope=territory`, { token: net.facilitator.user.token })).body.items.length).toBeGreaterThanOrEqual(2);
    expect((await api.call('GET', url, { token: net.joinery.user.token })).status).toBe(404);
    await api.call('PATCH', `/api/v1/territories/${net.territory.slug}`, { token: net.admin.user.token, body: { facilitatorsReadConversations: false } });
    expect((await api.call('GET', url, { token: net.facilitator.user.token })).status).toBe(404);
  });
});
