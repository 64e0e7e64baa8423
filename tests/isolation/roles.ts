// Who sees and changes what inside a territory, by role, as the policies alone decide it:
// every statement is unfiltered and runs through withTerritory as soliterr_app.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseKind, TestDatabase } from '../support/database';
import { A, ads, audits, B, cats, idsOf, invites, members, orgs, people } from './fixtures';
import { asContext, attempt, ids, inTerritory, type Isolation } from './requests';

const inA = (t: { territoryId: string }) => t.territoryId === A.id;
const inB = (t: { territoryId: string }) => t.territoryId === B.id;
const sorted = (...values: string[]) => [...values].sort();

/** Everything a request can see, table by table (ids), without any filter. */
const everything = {
  territories: sql`select id from territories`,
  memberships: sql`select id from memberships`,
  organisations: sql`select id from organisations`,
  categories: sql`select id from categories`,
  listings: sql`select id from listings`,
  invitations: sql`select id from invitations`,
  audit_log: sql`select id from audit_log`,
  users: sql`select id from users`,
  sessions: sql`select id from sessions`,
  user_tokens: sql`select id from user_tokens`,
};

async function seeAll(scope: Parameters<typeof ids>[0]) {
  const out = {} as Record<keyof typeof everything, string[]>;
  for (const [table, query] of Object.entries(everything)) out[table as keyof typeof everything] = await ids(scope, query);
  return out;
}

export function rolePolicies(_kind: DatabaseKind, isolation: () => Isolation): void {
  describe('roles inside a territory', () => {
    let db: TestDatabase;
    beforeAll(() => {
      ({ db } = isolation());
    });

    describe('visitors (nobody signed in)', () => {
      it('in a public territory see its public open listings, the organisations behind them and its categories, nothing else', async () => {
        const { role, seen } = await inTerritory(db.database, null, A.slug, async (scope) => ({ role: scope.role, seen: await seeAll(scope) }));
        expect(role).toBeNull();
        expect(seen).toEqual({
          territories: [A.id], // B is private
          memberships: [],
          organisations: sorted(orgs.hospital.id, orgs.joinery.id), // not the jam producer: its public listing is closed
          categories: idsOf(cats, inA),
          listings: sorted(ads.fleetA.id, ads.sponsorshipA.id), // not jarsA (closed) nor fruitA (members only)
          invitations: [],
          audit_log: [],
          users: [],
          sessions: [],
          user_tokens: [],
        });
      });

      it('cannot find a private territory, and see nothing of it even if a handler entered it anyway', async () => {
        await expect(inTerritory(db.database, null, B.slug, async () => null)).rejects.toMatchObject({ status: 404 });
        const { territories, ...rest } = await asContext(db.database, { territoryId: B.id }, seeAll);
        expect(territories).toEqual([A.id]); // the public directory, without B
        // Not even tractorB, although it is public and open: its territory is private.
        expect(Object.values(rest).flat()).toEqual([]);
      });
    });

    describe('pending members', () => {
      it('see their own membership, the territory, its categories and what visitors see', async () => {
        const { role, seen } = await inTerritory(db.database, people.pendingA.id, A.slug, async (scope) => ({ role: scope.role, seen: await seeAll(scope) }));
        expect(role).toBeNull();
        expect(seen).toMatchObject({
          territories: [A.id],
          memberships: [members.pendingA.id],
          organisations: sorted(orgs.hospital.id, orgs.joinery.id),
          categories: idsOf(cats, inA),
          listings: sorted(ads.fleetA.id, ads.sponsorshipA.id),
          invitations: [],
          audit_log: [],
          users: [people.pendingA.id],
          user_tokens: ['token-pending-a'],
        });
      });

      it('of a private territory see the territory and their own membership, and no listing at all', async () => {
        const seen = await inTerritory(db.database, people.pendingB.id, B.slug, seeAll);
        expect(seen).toMatchObject({
          territories: sorted(A.id, B.id),
          memberships: [members.pendingB.id],
          categories: idsOf(cats, inB),
          listings: [],
          organisations: [],
          users: [people.pendingB.id],
        });
      });

      it('cannot approve themselves', async () => {
        const state = await inTerritory(db.database, people.pendingA.id, A.slug, (scope) =>
          attempt(scope, sql`update memberships set status = 'active' where id = ${members.pendingA.id}`));
        expect(state).toBe('42501');
      });
    });

    describe('members', () => {
      it('see the active members, organisations and listings of their territory, not pending requests, invitations or the audit log', async () => {
        const seen = await inTerritory(db.database, people.memberA.id, A.slug, seeAll);
        const activeInA = Object.values(members).filter((m) => inA(m) && m.status === 'active');
        expect(seen).toEqual({
          territories: [A.id],
          memberships: idsOf(activeInA),
          organisations: idsOf(orgs, inA),
          categories: idsOf(cats, inA),
          listings: idsOf(ads, inA),
          invitations: [],
          audit_log: [],
          // Item 8: the people of A — not Lucas (pending), not the people of B only, not Nadia.
          users: sorted(...activeInA.map((m) => m.userId)),
          sessions: ['session-member-a'],
          user_tokens: ['token-member-a'],
        });
      });

      it('edit their own listings and nobody else’s', async () => {
        const states = await inTerritory(db.database, people.memberA.id, A.slug, async (scope) => ({
          unfiltered: await ids(scope, sql`update listings set version = version + 1 returning id`),
          someoneElses: await attempt(scope, sql`update listings set title = 'Véhicules réservés' where id = ${ads.fleetA.id}`),
          own: await attempt(scope, sql`update listings set title = 'Recherche cassis et groseilles' where id = ${ads.fruitA.id}`),
          deleteOwn: await attempt(scope, sql`delete from listings where id = ${ads.fruitA.id}`),
        }));
        expect(states).toEqual({ unfiltered: sorted(ads.fruitA.id, ads.jarsA.id), someoneElses: 'ok:0', own: 'ok:1', deleteOwn: 'ok:0' });
      });

      it('cannot change their own role, and may leave', async () => {
        const states = await inTerritory(db.database, people.memberA.id, A.slug, async (scope) => ({
          promote: await attempt(scope, sql`update memberships set role = 'admin' where id = ${members.memberA.id}`),
          someoneElse: await attempt(scope, sql`update memberships set status = 'suspended' where id = ${members.hospitalA.id}`),
          leave: await attempt(scope, sql`update memberships set status = 'left' where id = ${members.memberA.id}`),
        }));
        expect(states).toEqual({ promote: '42501', someoneElse: 'ok:0', leave: 'ok:1' });
      });
    });

    describe('facilitators and admins', () => {
      it.each([
        ['admin', people.adminA],
        ['facilitator', people.facilitatorA],
      ])('the %s sees pending requests, invitations and the audit log of their territory only', async (_role, who) => {
        const seen = await inTerritory(db.database, who.id, A.slug, seeAll);
        expect(seen).toMatchObject({
          memberships: idsOf(members, inA), // Lucas's pending request included
          invitations: idsOf(invites, inA),
          audit_log: idsOf(audits, inA),
        });
        // Users: everybody with a membership in A, Lucas included; still nobody of B only.
        expect(seen.users).toEqual(sorted(...Object.values(members).filter(inA).map((m) => m.userId)));
        expect(seen.sessions).toEqual(who === people.adminA ? ['session-admin-a'] : []);
      });

      it('a facilitator edits any listing of their territory and none of the other', async () => {
        const states = await inTerritory(db.database, people.facilitatorA.id, A.slug, async (scope) => ({
          unfiltered: await ids(scope, sql`update listings set version = version + 1 returning id`),
          ofB: await attempt(scope, sql`update listings set status = 'closed' where id = ${ads.tractorB.id}`),
          approve: await attempt(scope, sql`update memberships set status = 'active' where id = ${members.pendingA.id}`),
          approveInB: await attempt(scope, sql`update memberships set status = 'active' where id = ${members.pendingB.id}`),
          makeAdmin: await attempt(scope, sql`update memberships set role = 'admin' where id = ${members.memberA.id}`),
        }));
        expect(states).toEqual({
          unfiltered: idsOf(ads, inA),
          ofB: 'ok:0',
          approve: 'ok:1',
          approveInB: 'ok:0',
          makeAdmin: '42501', // only an admin grants the admin role
        });
      });
    });

    describe('a person in both territories (member of A, facilitator of B)', () => {
      it("gets A's role inside A and B's role inside B, never both", async () => {
        const inside = async (slug: string) =>
          inTerritory(db.database, people.both.id, slug, async (scope) => ({
            role: scope.role,
            membershipId: scope.membershipId,
            pending: await ids(scope, sql`select id from memberships where status = 'pending'`),
            edits: await ids(scope, sql`update listings set version = version + 1 returning id`),
            auditEntries: await ids(scope, sql`select id from audit_log`),
          }));
        expect(await inside(A.slug)).toEqual({
          role: 'member', membershipId: members.bothA.id, pending: [], edits: [ads.sponsorshipA.id], auditEntries: [],
        });
        expect(await inside(B.slug)).toEqual({
          role: 'facilitator', membershipId: members.bothB.id, pending: [members.pendingB.id],
          edits: idsOf(ads, inB), auditEntries: idsOf(audits, inB),
        });
      });

      it('sees the people of A inside A and the people of B inside B', async () => {
        const usersIn = (slug: string) => inTerritory(db.database, people.both.id, slug, (scope) => ids(scope, everything.users));
        const activeUsers = (keep: (m: { territoryId: string }) => boolean) =>
          sorted(...Object.values(members).filter((m) => keep(m) && m.status === 'active').map((m) => m.userId));
        expect(await usersIn(A.slug)).toEqual(activeUsers(inA));
        // A facilitator of B also sees Inès, whose request is pending.
        expect(await usersIn(B.slug)).toEqual(sorted(...Object.values(members).filter(inB).map((m) => m.userId)));
      });
    });

    describe('accounts (users, sessions, user_tokens)', () => {
      it('someone of B only, visiting A, sees no one of A', async () => {
        const seen = await inTerritory(db.database, people.memberB.id, A.slug, (scope) => ids(scope, everything.users));
        expect(seen).toEqual([people.memberB.id]);
      });

      it('sessions and account tokens are visible and writable by their owner only, whatever the territory', async () => {
        const states = await inTerritory(db.database, people.both.id, B.slug, async (scope) => ({
          sessions: await ids(scope, everything.sessions),
          tokens: await ids(scope, everything.user_tokens),
          revokeAll: await attempt(scope, sql`delete from sessions`),
          touchAll: await attempt(scope, sql`update user_tokens set used_at = now()`),
          renameAll: await attempt(scope, sql`update users set name = 'Marie D.'`),
          stealSession: await attempt(scope, sql`insert into sessions (id, user_id, expires_at) values ('forged', ${people.adminB.id}, now() + interval '1 day')`),
        }));
        expect(states).toEqual({
          sessions: sorted('session-both-laptop', 'session-both-phone'),
          tokens: [],
          revokeAll: 'ok:2',
          touchAll: 'ok:0',
          renameAll: 'ok:1',
          stealSession: '42501',
        });
      });
    });
  });
}
