// Rules the handlers enforce that the database must hold too, because a handler that
// forgets one would otherwise open a hole. Each was found open by this suite and closed by
// infra/db/migrations/0005_isolation_guards.sql.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseKind, TestDatabase } from '../support/database';
import { A, ads, invites, members, people, uuid } from './fixtures';
import { attempt, ids, inTerritory, type Isolation } from './requests';

export function guards(_kind: DatabaseKind, isolation: () => Isolation): void {
  describe('guards the database holds', () => {
    let db: TestDatabase;
    beforeAll(() => {
      ({ db } = isolation());
    });

    let n = 20;
    const invite = (role: string) => sql`insert into invitations (territory_id, id, email, role, token_hash, invited_by, expires_at)
      values (${A.id}, ${uuid(9, n++)}, 'direction@ch-lannemezan.example.fr', ${role}::membership_role,
              ${`hash-${n}`}, ${members.facilitatorA.id}, now() + interval '7 days')`;

    it('only an admin invites an admin: a facilitator could otherwise promote a second account of theirs', async () => {
      const byFacilitator = await inTerritory(db.database, people.facilitatorA.id, A.slug, async (scope) => ({
        admin: await attempt(scope, invite('admin')),
        member: await attempt(scope, invite('member')),
        promoteExisting: await attempt(scope, sql`update invitations set role = 'admin' where id = ${invites.a.id}`),
        facilitator: await attempt(scope, invite('facilitator')),
      }));
      expect(byFacilitator).toEqual({ admin: '42501', member: 'ok:1', promoteExisting: '42501', facilitator: 'ok:1' });
      const byAdmin = await inTerritory(db.database, people.adminA.id, A.slug, (scope) => attempt(scope, invite('admin')));
      expect(byAdmin).toBe('ok:1');
    });

    it('a membership always belongs to the same account: an admin cannot graft a stranger onto it', async () => {
      // Repointing Lucas's membership to Paul (of B only) would make Paul a "person of A", so
      // his account row (email, password hash) would become readable inside A.
      const seen = await inTerritory(db.database, people.adminA.id, A.slug, async (scope) => ({
        graft: await attempt(scope, sql`update memberships set user_id = ${people.memberB.id} where id = ${members.pendingA.id}`),
        users: await ids(scope, sql`select id from users where id = ${people.memberB.id}`),
        decide: await attempt(scope, sql`update memberships set status = 'active' where id = ${members.pendingA.id}`),
      }));
      expect(seen).toEqual({ graft: '42501', users: [], decide: 'ok:1' });
      const byFacilitator = await inTerritory(db.database, people.facilitatorA.id, A.slug, (scope) =>
        attempt(scope, sql`update memberships set user_id = ${people.outsider.id} where id = ${members.memberA.id}`));
      expect(byFacilitator).toBe('42501');
    });

    it('an author cannot hand their listing to another member', async () => {
      const states = await inTerritory(db.database, people.memberA.id, A.slug, async (scope) => ({
        handOver: await attempt(scope, sql`update listings set author_membership_id = ${members.hospitalA.id} where id = ${ads.fruitA.id}`),
        edit: await attempt(scope, sql`update listings set title = 'Recherche fruits rouges et mirabelles' where id = ${ads.fruitA.id}`),
      }));
      expect(states).toEqual({ handOver: '42501', edit: 'ok:1' });
    });
  });
}
