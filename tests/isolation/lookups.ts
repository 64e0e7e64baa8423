// The SECURITY DEFINER look-ups read across row-level security by design, so each must
// return only what its caller is entitled to: nothing of a territory the caller is not in.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseKind, TestDatabase } from '../support/database';
import { A, ads, B, invites, members, people } from './fixtures';
import { asContext, inTerritory, type Isolation, rows } from './requests';

export function lookups(_kind: DatabaseKind, isolation: () => Isolation): void {
  describe('security-definer look-ups', () => {
    let db: TestDatabase;
    beforeAll(() => {
      ({ db } = isolation());
    });

    it('app.my_territories lists the caller’s own memberships only', async () => {
      const mine = (userId: string | null) => asContext(db.database, { userId }, (scope) =>
        rows(scope, sql`select territory_id, membership_id, role, status from app.my_territories() order by slug`));
      expect(await mine(people.both.id)).toEqual([
        { territory_id: A.id, membership_id: members.bothA.id, role: 'member', status: 'active' },
        { territory_id: B.id, membership_id: members.bothB.id, role: 'facilitator', status: 'active' },
      ]);
      expect(await mine(people.pendingB.id)).toEqual([{ territory_id: B.id, membership_id: members.pendingB.id, role: 'member', status: 'pending' }]);
      expect(await mine(people.outsider.id)).toEqual([]);
      expect(await mine(null)).toEqual([]);
    });

    it('app.listing_ids_matching searches the current territory only, with the same visibility as the policies', async () => {
      const search = (userId: string | null, slug: string, query: string) =>
        inTerritory(db.database, userId, slug, async (scope) =>
          (await rows<{ id: string }>(scope, sql`select app.listing_ids_matching(${query}) as id`)).map((r) => r.id).sort());
      expect(await search(people.adminA.id, A.slug, 'tracteur')).toEqual([]); // B's listing
      expect(await search(people.both.id, B.slug, 'tracteur')).toEqual([ads.tractorB.id]);
      expect(await search(null, A.slug, 'vehicules')).toEqual([ads.fleetA.id]);
      expect(await search(null, A.slug, 'confiture')).toEqual([]); // closed: not for visitors
      expect(await search(people.memberA.id, A.slug, 'confiture')).toEqual([ads.jarsA.id]);
      expect(await search(people.pendingA.id, A.slug, 'fruits')).toEqual([]); // members only
      const noTerritory = await asContext(db.database, { userId: people.both.id }, (scope) =>
        rows(scope, sql`select app.listing_ids_matching('tracteur') as id`));
      expect(noTerritory).toEqual([]);
      const privateTerritory = await asContext(db.database, { territoryId: B.id }, (scope) =>
        rows(scope, sql`select app.listing_ids_matching('tracteur') as id`));
      expect(privateTerritory).toEqual([]); // public and open, but in a private territory
    });

    it('app.membership_moderators answers only a person whose request to that territory is pending', async () => {
      const moderators = (userId: string, territoryId: string) => asContext(db.database, { userId }, async (scope) =>
        (await rows<{ name: string }>(scope, sql`select name from app.membership_moderators(${territoryId})`)).map((r) => r.name));
      expect(await moderators(people.pendingA.id, A.id)).toEqual([people.facilitatorA.name, people.adminA.name]);
      expect(await moderators(people.pendingA.id, B.id)).toEqual([]);
      expect(await moderators(people.memberA.id, A.id)).toEqual([]);
      expect(await moderators(people.pendingB.id, B.id)).toEqual([people.adminB.name, people.both.name, people.facilitatorB.name]);
    });

    it('app.invitation_territory needs the matching token of that very territory', async () => {
      const lookup = (slug: string, hash: string) => asContext(db.database, { userId: people.outsider.id }, async (scope) =>
        (await rows<{ id: string | null }>(scope, sql`select app.invitation_territory(${slug}, ${hash}) as id`))[0].id);
      expect(await lookup(B.slug, invites.b.tokenHash)).toBe(B.id);
      expect(await lookup(A.slug, invites.b.tokenHash)).toBeNull();
      expect(await lookup(B.slug, 'hash-guessed')).toBeNull();
    });

    it('the role helpers answer for the caller only, never about another territory they are not in', async () => {
      const answers = await inTerritory(db.database, people.adminA.id, A.slug, (scope) => rows(scope, sql`
        select app.member_role(${B.id}) as role_in_b, app.my_membership_id(${B.id}) as membership_in_b,
               app.has_membership(${B.id}) as belongs_to_b, app.member_role(${A.id}) as role_in_a`));
      expect(answers).toEqual([{ role_in_b: null, membership_in_b: null, belongs_to_b: false, role_in_a: 'admin' }]);
    });
  });
}
