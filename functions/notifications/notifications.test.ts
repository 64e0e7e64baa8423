import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, notifications } from '../../schemas/db';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi, type TestUser } from '../../tests/support/harness';
import { addMember } from '../../tests/support/members';
import { createNetwork, type Network, PLACES, post } from '../listings/listings.fixtures';

describe.each(DATABASE_KINDS)('notifications and saved searches on %s', (kind) => {
  let api: TestApi;
  let net: Network;
  let other: { id: string; slug: string };
  let notifs: string;
  let searches: string;
  const list = (who: TestUser, query = '', slug = net.territory.slug) =>
    api.call('GET', `/api/v1/territories/${slug}/notifications${query}`, { token: who.token });
  type Item = { id: string; kind: string; title: string };
  const ofKind = (res: { body: { items: Item[] } }, k: string) => res.body.items.filter((n) => n.kind === k);

  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    net = await createNetwork(api);
    notifs = `/api/v1/territories/${net.territory.slug}/notifications`;
    searches = `/api/v1/territories/${net.territory.slug}/saved-searches`;
    // Another territory where the jam producer also watches everything.
    other = await api.createTerritory(net.outsider, { name: 'Pays des Nestes' });
    await addMember(api, other.id, net.jams.user);
  }, 180_000); // seven sign-ups (argon2) on a shared machine
  afterAll(() => api?.close());

  it('saves searches for active members only, with the listing filters, 20 at most', async () => {
    const vehicules = net.categories['vehicules-mobilite'];
    const res = await api.call('POST', searches, {
      token: net.jams.user.token,
      headers: { 'idempotency-key': 'recherche-vehicules' },
      body: { label: 'Véhicules à moins de 40 km', kind: 'offer', categoryId: vehicules, near: { lat: PLACES.tarbes.lat, lon: PLACES.tarbes.lon }, radiusKm: 40 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ label: 'Véhicules à moins de 40 km', kind: 'offer', radiusKm: 40, lastNotifiedAt: null });
    const replay = await api.call('POST', searches, {
      token: net.jams.user.token,
      headers: { 'idempotency-key': 'recherche-vehicules' },
      body: { label: 'Véhicules à moins de 40 km', kind: 'offer', categoryId: vehicules, near: { lat: PLACES.tarbes.lat, lon: PLACES.tarbes.lon }, radiusKm: 40 },
    });
    expect(replay.body.id).toBe(res.body.id);
    // Too far (Lannemezan is 27 km from Tarbes), another word, the author's own search.
    const near = { lat: PLACES.tarbes.lat, lon: PLACES.tarbes.lon };
    expect((await api.call('POST', searches, { token: net.joinery.user.token, body: { label: 'Véhicules à moins de 20 km', categoryId: vehicules, near, radiusKm: 20 } })).status).toBe(201);
    expect((await api.call('POST', searches, { token: net.facilitator.user.token, body: { label: 'Abricots', q: 'abricots' } })).status).toBe(201);
    expect((await api.call('POST', searches, { token: net.hospital.user.token, body: { label: 'Tout' } })).status).toBe(201);
    expect((await api.call('POST', `/api/v1/territories/${other.slug}/saved-searches`, { token: net.jams.user.token, body: { label: 'Tout ailleurs' } })).status).toBe(201);

    const bad = await api.call('POST', searches, { token: net.jams.user.token, body: { label: 'Loin', near, radiusKm: 500 } });
    expect(bad.status).toBe(400);
    const noPoint = await api.call('POST', searches, { token: net.jams.user.token, body: { label: 'Sans point', radiusKm: 20 } });
    expect([noPoint.status, noPoint.body.code]).toEqual([422, 'near_required']);
    const unknownCategory = await api.call('POST', searches, { token: net.jams.user.token, body: { label: 'Inconnue', categoryId: crypto.randomUUID() } });
    expect(unknownCategory.status).toBe(422);
    const pending = await api.call('POST', searches, { token: net.pending.token, body: { label: 'En attente' } });
    expect([pending.status, pending.body.code]).toEqual([403, 'members_only']);
    expect((await api.call('POST', searches, { body: { label: 'Anonyme' } })).status).toBe(401);
  });

  it('notifies the owners of matching searches when a listing appears — not its author, not elsewhere', async () => {
    const fleet = await post(api, net, net.hospital, 'fleet');
    const jams = await list(net.jams.user);
    const alerts = ofKind(jams, 'saved_search');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      title: `Nouvelle offre pour votre recherche « Véhicules à moins de 40 km » : ${fleet.title}`,
      link: `/t/${net.territory.slug}/annonces/${fleet.id}`,
      subjectId: fleet.id,
      readAt: null,
    });
    for (const who of [net.joinery.user, net.facilitator.user, net.hospital.user]) {
      expect(ofKind(await list(who), 'saved_search')).toHaveLength(0);
    }
    expect(ofKind(await list(net.jams.user, '', other.slug), 'saved_search')).toHaveLength(0);
    const mine = await api.call('GET', searches, { token: net.jams.user.token });
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0].lastNotifiedAt).not.toBeNull();
    // A need matching the facilitator's words reaches the facilitator (and the author's « Tout »).
    await post(api, net, net.jams, 'fruit');
    const fac = ofKind(await list(net.facilitator.user), 'saved_search');
    expect(fac.map((n) => n.title)).toEqual([expect.stringMatching(/^Nouveau besoin pour votre recherche « Abricots » : Cherche producteurs/)]);
    expect(ofKind(await list(net.hospital.user), 'saved_search')).toHaveLength(1);
  });

  it('deletes only one’s own searches and refuses a 21st', async () => {
    const mine = await api.call('GET', searches, { token: net.jams.user.token });
    const id = mine.body.items[0].id;
    expect((await api.call('DELETE', `${searches}/${id}`, { token: net.joinery.user.token })).status).toBe(404);
    for (let i = 1; i < 20; i += 1) {
      expect((await api.call('POST', searches, { token: net.jams.user.token, body: { label: `Recherche ${i}` } })).status).toBe(201);
    }
    const full = await api.call('POST', searches, { token: net.jams.user.token, body: { label: 'Une de trop' } });
    expect([full.status, full.body.code]).toEqual([409, 'saved_search_limit']);
    expect((await api.call('DELETE', `${searches}/${id}`, { token: net.jams.user.token })).status).toBe(204);
    expect((await api.call('DELETE', `${searches}/${id}`, { token: net.jams.user.token })).status).toBe(404);
  });

  it('lists my notifications newest first, page by page, with the unread count, and marks them read', async () => {
    const base = new Date('2027-01-08T09:00:00Z').getTime();
    for (let i = 0; i < 3; i += 1) {
      await api.db.owner.db.insert(notifications).values({
        territoryId: net.territory.id, id: crypto.randomUUID(), userId: net.joinery.user.id, kind: 'message',
        title: `Message ${i}`, link: '/t/x', createdAt: new Date(base + i * 60_000),
      });
    }
    const first = await list(net.joinery.user, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((n: { title: string }) => n.title)).toEqual(['Message 2', 'Message 1']);
    expect(first.body.unreadCount).toBe(3);
    const second = await list(net.joinery.user, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((n: { title: string }) => n.title)).toEqual(['Message 0']);
    expect(second.body.nextCursor).toBeNull();
    expect((await list(net.joinery.user, '?cursor=abc')).body.code).toBe('invalid_cursor');

    const jamsAlert = ofKind(await list(net.jams.user), 'saved_search')[0];
    const marked = await api.call('POST', `${notifs}/read`, { token: net.joinery.user.token, body: { ids: [first.body.items[0].id, jamsAlert.id] } });
    expect(marked.body).toEqual({ marked: 1, unreadCount: 2 });
    expect((await list(net.jams.user)).body.items.find((n: { id: string }) => n.id === jamsAlert.id).readAt).toBeNull();
    const unread = await list(net.joinery.user, '?unread=true');
    expect(unread.body.items.map((n: { title: string }) => n.title)).toEqual(['Message 1', 'Message 0']);
    const count = await api.call('GET', `${notifs}/unread-count`, { token: net.joinery.user.token });
    expect(count.body).toEqual({ unreadCount: 2 });
    expect((await api.call('POST', `${notifs}/read`, { token: net.joinery.user.token, body: {} })).body).toEqual({ marked: 2, unreadCount: 0 });
    expect((await api.call('GET', `${notifs}/unread-count`)).status).toBe(401);
    // Another territory's notifications stay there.
    expect((await list(net.joinery.user, '', other.slug)).body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });

  it('keeps email preferences per kind, with the documented defaults', async () => {
    const path = '/api/v1/me/notification-preferences';
    const defaults = await api.call('GET', path, { token: net.joinery.user.token });
    expect(defaults.body.preferences).toEqual({
      response: 'immediately', message: 'immediately', membership: 'immediately', match: 'daily', cooperation: 'immediately', saved_search: 'daily',
    });
    const put = await api.call('PUT', path, { token: net.joinery.user.token, body: { preferences: { message: 'weekly', saved_search: 'never' } } });
    expect(put.body.preferences).toMatchObject({ message: 'weekly', saved_search: 'never', response: 'immediately' });
    expect((await api.call('GET', path, { token: net.joinery.user.token })).body.preferences.message).toBe('weekly');
    expect((await api.call('GET', path, { token: net.jams.user.token })).body.preferences.message).toBe('immediately');
    expect((await api.call('PUT', path, { token: net.joinery.user.token, body: { preferences: { spam: 'never' } } })).status).toBe(400);
    expect((await api.call('PUT', path, { token: net.joinery.user.token, body: { preferences: {} } })).status).toBe(400);
    expect((await api.call('PUT', path, { token: net.joinery.user.token, body: { preferences: { message: 'hourly' } } })).status).toBe(400);
    expect((await api.call('GET', path)).status).toBe(401);
  });

  it('notifies membership decisions to the person, and a join request to the admins and facilitators', async () => {
    const [pendingRow] = await api.db.owner.db.select({ id: memberships.id }).from(memberships)
      .where(and(eq(memberships.territoryId, net.territory.id), eq(memberships.userId, net.pending.id)));
    const approved = await api.call('POST', `/api/v1/territories/${net.territory.slug}/memberships/${pendingRow.id}/approve`, { token: net.facilitator.user.token, body: {} });
    expect(approved.status).toBe(200);
    const welcome = ofKind(await list(net.pending), 'membership');
    expect(welcome.map((n) => n.title)).toEqual([expect.stringMatching(/^Bienvenue ! Votre adhésion à Cœur de Bigorre est acceptée/)]);
    // Already emailed by the memberships function: the digests leave it alone.
    const [stored] = await api.db.owner.db.select({ emailedAt: notifications.emailedAt }).from(notifications)
      .where(and(eq(notifications.territoryId, net.territory.id), eq(notifications.userId, net.pending.id)));
    expect(stored.emailedAt).toBeInstanceOf(Date);

    const suspended = await api.call('POST', `/api/v1/territories/${net.territory.slug}/memberships/${net.joinery.membershipId}/suspend`, { token: net.admin.user.token, body: {} });
    expect(suspended.status).toBe(200);
    const role = await api.call('PATCH', `/api/v1/territories/${net.territory.slug}/memberships/${net.jams.membershipId}`, { token: net.admin.user.token, body: { role: 'facilitator' } });
    expect(role.status).toBe(200);
    expect(ofKind(await list(net.jams.user), 'membership').map((n) => n.title)).toEqual(['Votre rôle dans Cœur de Bigorre est maintenant : animateur']);

    const join = await api.call('POST', `/api/v1/territories/${net.territory.slug}/memberships`, { token: net.outsider.token, body: { acceptCharter: true, message: 'Bonjour' } });
    expect(join.status).toBe(201);
    for (const moderator of [net.admin.user, net.facilitator.user, net.jams.user]) {
      const requests = ofKind(await list(moderator), 'membership').filter((n) => n.title.startsWith('Nouvelle demande'));
      expect(requests.map((n) => n.title)).toEqual(["Nouvelle demande d'adhésion : Personne Extérieure"]);
    }
    expect(ofKind(await list(net.hospital.user), 'membership')).toHaveLength(0);
    // The pending person cannot notify anyone directly: only this one narrow function can.
    expect(join.body.status).toBe('pending');
  });
});
