import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi } from '../../tests/support/harness';
import { addMember } from '../../tests/support/members';
import { createNetwork, ids, type Network, PLACES, post } from './listings.fixtures';

describe.each(DATABASE_KINDS)('browsing listings on %s', (kind) => {
  let api: TestApi;
  let net: Network;
  let l: Record<'fleet' | 'fruit' | 'sterilisation' | 'sponsorship' | 'farming' | 'closed' | 'tarbesVan', { id: string }>;
  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    net = await createNetwork(api);
    l = {
      fleet: await post(api, net, net.hospital, 'fleet'),
      fruit: await post(api, net, net.jams, 'fruit'),
      sterilisation: await post(api, net, net.jams, 'sterilisation'),
      sponsorship: await post(api, net, net.joinery, 'sponsorship'),
      farming: await post(api, net, net.facilitator, 'farming'),
      closed: await post(api, net, net.hospital, 'fleet', { title: 'Ancien prêt de camion', availableUntil: '2027-03-31' }),
      tarbesVan: await post(api, net, net.joinery, 'fleet', { ...PLACES.tarbes, title: 'Prêt d’un fourgon de chantier', availableUntil: '2027-03-31' }),
    };
    await api.call('POST', `${net.base}/${l.closed.id}/close`, { token: net.hospital.user.token });
  });
  afterAll(() => api?.close());

  const list = (query = '', token = net.admin.user.token) => api.call('GET', `${net.base}${query ? `?${query}` : ''}`, { token });

  it('sorts by newest by default and hides closed listings unless asked', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([l.tarbesVan, l.farming, l.sponsorship, l.sterilisation, l.fruit, l.fleet].map((x) => x.id));
    expect(res.body.nextCursor).toBeNull();
    expect(ids(await list('status=closed'))).toEqual([l.closed.id]);
    expect(ids(await list('status=all'))).toHaveLength(7);
    expect(ids(await list('status=fulfilled,expired'))).toEqual([]);
  });

  it('filters by kind, category, exchange mode, organisation, author and mine', async () => {
    expect(ids(await list('kind=need')).sort()).toEqual([l.fruit.id, l.sterilisation.id].sort());
    expect(ids(await list(`categoryId=${net.categories['savoir-faire']}`)).sort()).toEqual([l.farming.id, l.sterilisation.id].sort());
    expect(ids(await list('category=vehicules-mobilite')).sort()).toEqual([l.fleet.id, l.tarbesVan.id].sort());
    expect(ids(await list('category=vehicules-mobilite&kind=need'))).toEqual([]);
    expect(ids(await list('exchangeMode=mecenat_competences,echange')).sort()).toEqual([l.fruit.id, l.sponsorship.id].sort());
    expect(ids(await list(`organisationId=${net.jams.organisationId}`)).sort()).toEqual([l.fruit.id, l.sterilisation.id].sort());
    expect(ids(await list(`authorMembershipId=${net.joinery.membershipId}`)).sort()).toEqual([l.sponsorship.id, l.tarbesVan.id].sort());
    expect(ids(await list('mine=true&status=all', net.hospital.user.token)).sort()).toEqual([l.closed.id, l.fleet.id].sort());
    expect(ids(await list('mine=true', net.admin.user.token))).toEqual([]);
    const items = (await list(`organisationId=${net.hospital.organisationId}`, net.jams.user.token)).body.items;
    expect(items.map((i: { canEdit: boolean }) => i.canEdit)).toEqual([false]);
  });

  it('searches in French with accents folded on both sides', async () => {
    expect(ids(await list('q=confiture'))).toEqual([l.fruit.id]);
    expect(ids(await list('q=elevage'))).toEqual([l.farming.id]);
    expect(ids(await list(`q=${encodeURIComponent('élevages ovins')}`))).toEqual([l.farming.id]);
    expect(ids(await list(`q=${encodeURIComponent('véhicule')}`))).toEqual([l.fleet.id]);
    expect(ids(await list(`q=${encodeURIComponent('prêt -hospitalier')}`))).toEqual([l.tarbesVan.id]);
    expect(ids(await list(`q=${encodeURIComponent('stérilisation')}&kind=offer`))).toEqual([]);
  });

  it('finds listings around a place of the Hautes-Pyrénées and sorts them by distance', async () => {
    const tarbes = `near=${PLACES.tarbes.lat},${PLACES.tarbes.lon}`;
    const nearest = await list(`${tarbes}&radiusKm=30&sort=nearest`);
    const inTarbes = [l.sponsorship.id, l.tarbesVan.id].sort();
    expect(ids(nearest)).toEqual([...inTarbes, l.fruit.id, l.fleet.id]);
    const km = nearest.body.items.map((i: { distanceKm: number }) => i.distanceKm);
    expect(km.slice(0, 2)).toEqual([0, 0]);
    expect(km[2]).toBeCloseTo(19.5, 0);
    expect(km[3]).toBeCloseTo(27.5, 0);
    expect(ids(await list(`${tarbes}&radiusKm=15`)).sort()).toEqual([l.sponsorship.id, l.tarbesVan.id].sort());
    expect(ids(await list(`${tarbes}&radiusKm=25&sort=nearest`))).toEqual([...inTarbes, l.fruit.id]);
    const bagneres = await list(`near=${PLACES.bagneres.lat},${PLACES.bagneres.lon}&radiusKm=21&sort=nearest&kind=offer`);
    // Both Tarbes offers are 19.5 km away: equal distances are ordered by id.
    expect(ids(bagneres)).toEqual([...[l.tarbesVan.id, l.sponsorship.id].sort(), l.fleet.id]);
    expect(bagneres.body.items.map((i: { distanceKm: number }) => i.distanceKm)).toEqual([19.5, 19.5, 20.1]);
    expect(bagneres.body.items.every((i: { distanceKm: number }) => i.distanceKm <= 21)).toBe(true);
    expect((await list()).body.items[0].distanceKm).toBeUndefined();
  });

  it('pages through every sort with cursors, each row exactly once', async () => {
    // Two listings created in the same microsecond: only the id can order them.
    await api.db.owner.db.execute(
      sql`update listings set created_at = '2026-05-04 09:30:00.123456+00' where id in (${l.fruit.id}, ${l.sterilisation.id})`,
    );
    const near = `near=${PLACES.lannemezan.lat},${PLACES.lannemezan.lon}&radiusKm=200`;
    for (const query of ['sort=newest&status=all', 'sort=ending_soon&status=all', `sort=nearest&${near}&status=all`, 'q=pret&sort=newest']) {
      const all = ids(await list(`${query}&limit=100`));
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: any } = await list(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        paged.push(...ids(page));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged, query).toEqual(all);
      expect(new Set(paged).size).toBe(paged.length);
    }
    const ending = ids(await list('sort=ending_soon'));
    expect(ending.slice(0, 3)).toEqual([l.tarbesVan.id, l.fruit.id, l.sponsorship.id]);
    const first = await list('sort=newest&limit=2');
    const cursor = first.body.nextCursor;
    for (const other of ['sort=ending_soon', 'sort=newest&kind=offer', `sort=newest&${near}`]) {
      const res = await list(`${other}&limit=2&cursor=${cursor}`);
      expect(res.status, other).toBe(400);
      expect(res.body.code).toBe('invalid_cursor');
    }
  });

  it('shows visitors only the public open listings of a public territory', async () => {
    for (const token of [undefined, net.pending.token, net.outsider.token]) {
      const res = await api.call('GET', `${net.base}?status=all`, { token });
      expect(res.status).toBe(200);
      expect(ids(res).sort()).toEqual([l.fleet.id, l.fruit.id, l.sponsorship.id, l.tarbesVan.id].sort());
      const fleet = res.body.items.find((i: { id: string }) => i.id === l.fleet.id);
      expect(fleet).toMatchObject({ author: null, canEdit: false, organisation: { name: 'Centre hospitalier de Lannemezan' } });
      expect((await api.call('GET', `${net.base}/${l.sterilisation.id}`, { token })).status).toBe(404);
      expect((await api.call('GET', `${net.base}/${l.closed.id}`, { token })).status).toBe(404);
      expect((await api.call('GET', `${net.base}?q=confiture`, { token })).body.items).toHaveLength(1);
    }
  });

  it('shows nothing of a private territory to visitors, outsiders or pending members', async () => {
    const priv = await createNetwork(api, { visibility: 'private' });
    const listing = await post(api, priv, priv.hospital, 'fleet');
    const newcomer = await api.signUp('Jeanne Attente');
    await addMember(api, priv.territory.id, newcomer, 'member', { status: 'pending' });
    for (const token of [undefined, priv.outsider.token, net.hospital.user.token]) {
      expect((await api.call('GET', priv.base, { token })).status).toBe(404);
      expect((await api.call('GET', `${priv.base}/${listing.id}`, { token })).status).toBe(404);
    }
    // A pending member sees the territory (its charter) but none of its listings.
    expect((await api.call('GET', priv.base, { token: newcomer.token })).body.items).toEqual([]);
    expect((await api.call('GET', `${priv.base}/${listing.id}`, { token: newcomer.token })).status).toBe(404);
    expect(ids(await api.call('GET', priv.base, { token: priv.jams.user.token }))).toEqual([listing.id]);
  });
});
