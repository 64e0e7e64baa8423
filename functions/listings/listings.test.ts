import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi } from '../../tests/support/harness';
import { createNetwork, type Network, post } from './listings.fixtures';

describe.each(DATABASE_KINDS)('listings on %s', (kind) => {
  let api: TestApi;
  let net: Network;
  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    net = await createNetwork(api);
  });
  afterAll(() => api?.close());

  it('publishes a listing for the organisation the author represents, with Location and ETag', async () => {
    const res = await api.call('POST', net.base, {
      token: net.hospital.user.token,
      body: {
        kind: 'offer',
        categoryId: net.categories['vehicules-mobilite'],
        title: '  Prêt de véhicules du parc hospitalier  ',
        description: 'Deux fourgons et un minibus 9 places, libres le week-end.',
        quantity: 3,
        unit: 'véhicules',
        exchangeModes: ['pret', 'mutualisation'],
        availableFrom: '2027-01-01',
        commune: 'Lannemezan',
        lat: 43.125,
        lon: 0.3833,
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`${net.base}/${res.body.id}`);
    expect(res.body).toMatchObject({
      kind: 'offer',
      status: 'open',
      title: 'Prêt de véhicules du parc hospitalier',
      quantity: 3,
      visibility: 'members',
      version: 1,
      canEdit: true,
      category: { slug: 'vehicules-mobilite', labelFr: 'Véhicules et mobilité', labelEn: 'Vehicles and mobility' },
      author: { membershipId: net.hospital.membershipId, name: 'Claire Dulac' },
      organisation: { id: net.hospital.organisationId, name: 'Centre hospitalier de Lannemezan', kind: 'etablissement_sante' },
    });
    const read = await api.call('GET', res.headers.get('location')!, { token: net.jams.user.token });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toMatchObject({ id: res.body.id, canEdit: false, author: { name: 'Claire Dulac' } });
    const personal = await post(api, net, net.hospital, 'fleet', { organisationId: null });
    expect(personal.organisation).toBeNull();
    const forJams = await post(api, net, net.hospital, 'fleet', { organisationId: net.jams.organisationId });
    expect(forJams.organisation.name).toBe('Confitures du Pic');
  });

  it('lets only active members publish, in a category of the territory that is still in use', async () => {
    const body = { kind: 'need', categoryId: net.categories['materiel'], title: 'Bacs de culture surélevés', exchangeModes: ['don'] };
    expect((await api.call('POST', net.base, { body })).status).toBe(401);
    for (const who of [net.outsider, net.pending]) {
      const res = await api.call('POST', net.base, { token: who.token, body });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('members_only');
    }
    const cat = await api.call('POST', `/api/v1/territories/${net.territory.slug}/categories`, {
      token: net.admin.user.token,
      body: { slug: 'ancienne', labelFr: 'Ancienne catégorie', labelEn: 'Old category' },
    });
    await api.call('PATCH', `/api/v1/territories/${net.territory.slug}/categories/${cat.body.id}`, {
      token: net.admin.user.token,
      body: { archived: true },
    });
    for (const categoryId of [cat.body.id, crypto.randomUUID()]) {
      const res = await api.call('POST', net.base, { token: net.jams.user.token, body: { ...body, categoryId } });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('unknown_category');
    }
    const unknownOrg = await api.call('POST', net.base, {
      token: net.jams.user.token,
      body: { ...body, organisationId: crypto.randomUUID() },
    });
    expect(unknownOrg.status).toBe(422);
    expect(unknownOrg.body.code).toBe('unknown_organisation');
  });

  it('lets the author, facilitators and admins edit, and nobody else', async () => {
    const listing = await post(api, net, net.hospital, 'fleet');
    const hidden = await post(api, net, net.hospital, 'fleet', { visibility: 'members' });
    const url = `${net.base}/${listing.id}`;
    const attempt = (token: string | undefined, version: number, u = url) =>
      api.call('PATCH', u, { token, body: { version, description: 'Minibus seulement.' } });
    const other = await attempt(net.jams.user.token, 1);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('not_author');
    expect((await attempt(undefined, 1)).status).toBe(401);
    // A pending member or an outsider sees the public listing but cannot edit it, and does
    // not even see the members-only one.
    for (const who of [net.pending, net.outsider]) {
      expect((await attempt(who.token, 1)).status).toBe(403);
      expect((await attempt(who.token, 1, `${net.base}/${hidden.id}`)).status).toBe(404);
    }
    const byFacilitator = await attempt(net.facilitator.user.token, 1);
    expect(byFacilitator.status).toBe(200);
    expect(byFacilitator.body.canEdit).toBe(true);
    const byAdmin = await api.call('POST', `${url}/close`, { token: net.admin.user.token, body: { status: 'fulfilled', version: 2 } });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.status).toBe('fulfilled');
    const byAuthor = await api.call('POST', `${url}/reopen`, { token: net.hospital.user.token });
    expect(byAuthor.status).toBe(200);
    const log = await api.call('GET', `/api/v1/territories/${net.territory.slug}/audit-log`, { token: net.admin.user.token });
    const actions = log.body.items.filter((e: { targetId: string }) => e.targetId === listing.id).map((e: { action: string }) => e.action);
    expect(actions.sort()).toEqual(['listing.closed', 'listing.updated']);
  });

  it('closes and reopens idempotently, checks If-Match when given, and will not reopen an ended listing', async () => {
    const listing = await post(api, net, net.jams, 'sterilisation');
    const url = `${net.base}/${listing.id}`;
    const token = net.jams.user.token;
    const closed = await api.call('POST', `${url}/close`, { token });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 2 });
    expect(closed.headers.get('etag')).toBe('"2"');
    const again = await api.call('POST', `${url}/close`, { token, body: {} });
    expect(again.body).toMatchObject({ status: 'closed', version: 2 });
    const stale = await api.call('POST', `${url}/close`, { token, headers: { 'if-match': '"1"' }, body: { status: 'fulfilled' } });
    expect(stale.status).toBe(412);
    const fulfilled = await api.call('POST', `${url}/close`, { token, headers: { 'if-match': '"2"' }, body: { status: 'fulfilled' } });
    expect(fulfilled.body).toMatchObject({ status: 'fulfilled', version: 3 });
    const reopened = await api.call('POST', `${url}/reopen`, { token, body: { version: 3 } });
    expect(reopened.body).toMatchObject({ status: 'open', version: 4 });
    expect((await api.call('POST', `${url}/reopen`, { token })).body.version).toBe(4);
    expect((await api.call('POST', `${url}/close`, { token, body: { status: 'expired' } })).status).toBe(400);

    const ended = await post(api, net, net.jams, 'fruit', { availableFrom: '2020-06-01', availableUntil: '2020-09-30' });
    const endedUrl = `${net.base}/${ended.id}`;
    await api.call('POST', `${endedUrl}/close`, { token });
    const refused = await api.call('POST', `${endedUrl}/reopen`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('listing_ended');
    await api.call('PATCH', endedUrl, { token, headers: { 'if-match': '"2"' }, body: { availableUntil: '2099-09-30' } });
    expect((await api.call('POST', `${endedUrl}/reopen`, { token })).body.status).toBe('open');
  });

  it('keeps territories apart: no listing or category of another territory is reachable', async () => {
    const other = await createNetwork(api);
    const theirs = await post(api, other, other.jams, 'fruit');
    const mine = await post(api, net, net.jams, 'fruit');
    const token = net.admin.user.token;
    expect((await api.call('GET', `${net.base}/${theirs.id}`, { token })).status).toBe(404);
    const crossPatch = await api.call('PATCH', `${net.base}/${theirs.id}`, { token, body: { version: 1, title: 'Détourné' } });
    expect(crossPatch.status).toBe(404);
    expect((await api.call('POST', `${net.base}/${theirs.id}/close`, { token })).status).toBe(404);
    const foreignCategory = await api.call('PATCH', `${net.base}/${mine.id}`, {
      token: net.jams.user.token,
      body: { version: 1, categoryId: other.categories['materiel'] },
    });
    expect(foreignCategory.status).toBe(422);
    expect(foreignCategory.body.code).toBe('unknown_category');
    const foreignOrg = await api.call('PATCH', `${net.base}/${mine.id}`, {
      token: net.jams.user.token,
      body: { version: 1, organisationId: other.hospital.organisationId },
    });
    expect(foreignOrg.status).toBe(422);
    expect((await api.call('GET', `${other.base}/${theirs.id}`, { token: other.jams.user.token })).body.title).toBe(theirs.title);
  });
});
