import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../shared/db/client';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi } from '../../tests/support/harness';
import { createNetwork, type Network, post } from './listings.fixtures';

describe.each(DATABASE_KINDS)('listing versions on %s', (kind) => {
  let api: TestApi;
  let net: Network;
  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
    net = await createNetwork(api);
  });
  afterAll(() => api?.close());

  it('edits with If-Match or a body version, and refuses stale or missing preconditions', async () => {
    const listing = await post(api, net, net.jams, 'fruit');
    const url = `${net.base}/${listing.id}`;
    const token = net.jams.user.token;
    const edited = await api.call('PATCH', url, { token, headers: { 'if-match': '"1"' }, body: { quantity: 1200 } });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).toBe('"2"');
    expect(edited.body).toMatchObject({ quantity: 1200, version: 2, title: listing.title });
    expect(Date.parse(edited.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(listing.updatedAt));

    const staleHeader = await api.call('PATCH', url, { token, headers: { 'if-match': '"1"' }, body: { quantity: 10 } });
    expect(staleHeader.status).toBe(412);
    expect(staleHeader.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(staleHeader.body).toMatchObject({ code: 'version_mismatch', currentVersion: 2 });
    expect(staleHeader.headers.get('etag')).toBe('"2"');
    const staleBody = await api.call('PATCH', url, { token, body: { quantity: 10, version: 1 } });
    expect(staleBody.status).toBe(409);
    expect(staleBody.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const weak = await api.call('PATCH', url, { token, headers: { 'if-match': 'W/"2"' }, body: { quantity: 10 } });
    expect(weak.status).toBe(412);
    for (const headers of [{}, { 'if-match': '*' }] as Record<string, string>[]) {
      const missing = await api.call('PATCH', url, { token, headers, body: { quantity: 10 } });
      expect(missing.status).toBe(428);
      expect(missing.body.code).toBe('precondition_required');
    }
    const garbled = await api.call('PATCH', url, { token, headers: { 'if-match': '2' }, body: { quantity: 10 } });
    expect(garbled.status).toBe(400);
    expect(garbled.body.code).toBe('invalid_if_match');
    expect((await api.call('GET', url, { token })).body).toMatchObject({ quantity: 1200, version: 2 });

    const byBody = await api.call('PATCH', url, { token, body: { version: 2, visibility: 'members', commune: null, lat: null, lon: null } });
    expect(byBody.status).toBe(200);
    expect(byBody.body).toMatchObject({ version: 3, visibility: 'members', commune: null, lat: null });
    // The rules hold for the stored row plus the change, not for the change alone.
    const reversed = await api.call('PATCH', url, { token, body: { version: 3, availableFrom: '2027-10-01' } });
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors[0].code).toBe('dates_out_of_order');
    const noUnit = await api.call('PATCH', url, { token, body: { version: 3, unit: null } });
    expect(noUnit.status).toBe(422);
    const halfPosition = await api.call('PATCH', url, { token, body: { version: 3, lat: 43.07 } });
    expect(halfPosition.status).toBe(422);
    expect((await api.call('PATCH', url, { token, body: { version: 3 } })).status).toBe(400);
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const listing = await post(api, net, net.joinery, 'sponsorship');
    const url = `${net.base}/${listing.id}`;
    const token = net.joinery.user.token;
    const titles = ['Mécénat : 10 jours de menuiserie', 'Mécénat : 12 jours de menuiserie'];
    const viaHeader = await Promise.all(
      titles.map((title) => api.call('PATCH', url, { token, headers: { 'if-match': '"1"' }, body: { title } })),
    );
    expect(viaHeader.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = viaHeader.find((r) => r.status === 200)!;
    expect(viaHeader.find((r) => r.status === 412)!.body.currentVersion).toBe(2);
    expect((await api.call('GET', url, { token })).body).toMatchObject({ version: 2, title: winner.body.title });

    const viaBody = await Promise.all(
      [net.joinery.user.token, net.facilitator.user.token].map((t, i) =>
        api.call('PATCH', url, { token: t, body: { version: 2, quantity: 20 + i } }),
      ),
    );
    expect(viaBody.map((r) => r.status).sort()).toEqual([200, 409]);
    const final = await api.call('GET', url, { token });
    expect(final.body.version).toBe(3);
    expect(final.body.quantity).toBe(viaBody.find((r) => r.status === 200)!.body.quantity);
  });

  // PGlite has one connection, so requests there never overlap. On PostgreSQL the owner
  // holds the row lock until both writers have read version 1 and are waiting in their
  // UPDATE: the loser must then match no row and answer the new version, not overwrite.
  // Defined only where it applies: CI refuses skipped tests.
  if (kind === 'postgres') it('does not lose an update when both writers read the same version', async () => {
    const listing = await post(api, net, net.hospital, 'fleet');
    const url = `${net.base}/${listing.id}`;
    let writes: Promise<{ status: number; body: any }[]> | undefined;
    await api.db.owner.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from listings where id = ${listing.id} for update`);
      writes = Promise.all(
        [net.hospital, net.facilitator].map((who, i) =>
          api.call('PATCH', url, { token: who.user.token, headers: { 'if-match': '"1"' }, body: { quantity: 4 + i } }),
        ),
      );
      for (let waiting = 0, i = 0; waiting < 2 && i < 250; i++) {
        await new Promise((r) => setTimeout(r, 20));
        await tx.execute(sql`select pg_stat_clear_snapshot()`);
        [{ waiting }] = rowsOf<{ waiting: number }>(
          await tx.execute(sql`select count(distinct l.pid)::int as waiting from pg_locks l
                                 join pg_stat_activity a on a.pid = l.pid
                                where not l.granted and a.datname = current_database()`),
        );
      }
    });
    const results = await writes!;
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect(results.find((r) => r.status === 412)!.body.currentVersion).toBe(2);
    const final = await api.call('GET', url, { token: net.hospital.user.token });
    expect(final.body).toMatchObject({ version: 2, quantity: results.find((r) => r.status === 200)!.body.quantity });
  });
});
