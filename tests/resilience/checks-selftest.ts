// The checks of checks.ts must be able to fail: on PGlite, rows written by the owner with
// every defect they look for (a duplicate, a lost publication, a partial row, a row never
// sent, a missing key, a lost edit, two winners for one version). Needs no PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, idempotencyKeys, listings, memberships, territories, users } from '../../schemas/db';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { Member } from './clients';
import { checkEdits, checkPublications } from './checks';
import { type LoadResult, type SentCreate } from './load';

export function checksCatchWhatTheyLookFor(): void {
  describe('the checks run after each load', () => {
    let db: TestDatabase;
    const territoryId = crypto.randomUUID();
    const categoryId = crypto.randomUUID();
    const member: Member = { userId: crypto.randomUUID(), membershipId: crypto.randomUUID(), token: 'unused' };
    const body = (title: string) => ({
      kind: 'offer', categoryId, title, description: `Publication ${title}`, exchangeModes: ['pret'], quantity: 2, unit: 'palettes', visibility: 'members',
    });
    const sent = (title: string, id?: string): SentCreate => ({ key: `cle ${title}`, title, body: body(title), member, id });
    const row = (title: string, id = crypto.randomUUID(), changes: Partial<typeof listings.$inferInsert> = {}) => ({
      territoryId, id, kind: 'offer' as const, categoryId, title, description: `Publication ${title}`, exchangeModes: ['pret' as const],
      quantity: '2', unit: 'palettes', visibility: 'members' as const, authorMembershipId: member.membershipId, ...changes,
    });
    const key = (title: string, id: string) => ({
      territoryId, userId: member.userId, key: `cle ${title}`, fingerprint: 'f', status: 201, headers: {}, body: JSON.stringify({ id }), expiresAt: new Date(Date.now() + 3_600_000),
    });
    const load = (creates: SentCreate[], updates: LoadResult['updates'] = []): LoadResult => ({
      tally: { requests: 0, statuses: {}, hangs: 0, bad503: [], unexpected: [], slowestMs: 0 }, creates, updates, conflicts: 0, ambiguous: {}, replays: 0, badReplays: [],
    });
    const ids = { sound: crypto.randomUUID(), twice: crypto.randomUUID(), partial: crypto.randomUUID(), keyless: crypto.randomUUID() };
    const hot = { sound: crypto.randomUUID(), lost: crypto.randomUUID(), twoWinners: crypto.randomUUID(), overwritten: crypto.randomUUID() };

    beforeAll(async () => {
      db = await createTestDatabase('pglite');
      const owner = db.owner.db;
      await owner.insert(territories).values({ id: territoryId, slug: 'controle', name: 'Contrôle' });
      await owner.insert(users).values({ id: member.userId, email: 'controle@example.fr', name: 'Contrôle', passwordHash: 'x' });
      await owner.insert(memberships).values({ territoryId, id: member.membershipId, userId: member.userId, role: 'facilitator', status: 'active' });
      await owner.insert(categories).values({ territoryId, id: categoryId, slug: 'materiel', labelFr: 'Matériel', labelEn: 'Equipment' });
      await owner.insert(listings).values([
        row('ok sound', ids.sound), row('run twice', ids.twice), row('run twice'), row('run partial', ids.partial, { description: 'tronquée' }),
        row('run keyless', ids.keyless), row('run stray'),
        row('hot sound', hot.sound, { version: 3, description: 'e2' }), row('hot lost', hot.lost, { version: 2, description: 'e1' }),
        row('hot two', hot.twoWinners, { version: 3, description: 'e2' }), row('hot over', hot.overwritten, { version: 2, description: 'autre' }),
      ]);
      await owner.insert(idempotencyKeys).values([key('ok sound', ids.sound), key('run twice', ids.twice), key('run partial', ids.partial)]);
    });
    afterAll(() => db?.drop());

    it('pass on what was stored exactly as acknowledged', async () => {
      expect(await checkPublications(db.owner, load([sent('ok sound', ids.sound)]), 'ok')).toEqual([]);
      expect(await checkEdits(db.owner, load([], [{ listingId: hot.sound, from: 1, to: 2, marker: 'e1' }, { listingId: hot.sound, from: 2, to: 3, marker: 'e2' }]), [hot.sound])).toEqual([]);
    });

    it('find a duplicate, a lost publication, a partial row, a row never sent and a row without its key', async () => {
      const found = await checkPublications(
        db.owner,
        load([sent('run twice', ids.twice), sent('run partial', ids.partial), sent('run keyless', ids.keyless), sent('run lost', crypto.randomUUID())]),
        'run',
      );
      expect(found).toHaveLength(5);
      expect(found).toEqual(expect.arrayContaining([
        'stored but never sent: run stray',
        'run twice stored 2 times',
        expect.stringMatching(/^run partial stored incompletely/),
        'run keyless: its Idempotency-Key names undefined',
        expect.stringMatching(/^run lost acknowledged .* but not stored$/),
      ]));
    });

    it('find a lost edit, two winners of one version and an overwritten last edit', async () => {
      const found = await checkEdits(
        db.owner,
        load([], [
          { listingId: hot.lost, from: 1, to: 2, marker: 'e1' }, { listingId: hot.lost, from: 2, to: 3, marker: 'e2' },
          { listingId: hot.twoWinners, from: 1, to: 2, marker: 'e1' }, { listingId: hot.twoWinners, from: 1, to: 2, marker: 'e1 bis' },
          { listingId: hot.overwritten, from: 1, to: 2, marker: 'e1' },
        ]),
        [hot.lost, hot.twoWinners, hot.overwritten],
      );
      expect(found).toEqual([
        `${hot.lost}: version 2, but 2 acknowledged edits (+ 0 unknown)`,
        `${hot.twoWinners}: two acknowledged edits of the same version 1,1`,
        `${hot.overwritten}: the last acknowledged edit (e1) was lost: "autre"`,
      ]);
    });
  });
}
