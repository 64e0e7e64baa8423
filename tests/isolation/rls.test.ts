// Issue 2 — the database is the backstop. Every statement below is deliberately
// UNFILTERED (no `where territory_id = …`): it is what a handler that forgot its filter
// would run, through the real tenant helper, as soliterr_app. Row-level security alone
// must keep territory B out of a request made in territory A.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affectedRows, openPostgres, rowsOf } from '../../functions/shared/db/client';
import { withContext, withTerritory } from '../../functions/shared/db/tenant';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/database';
import { A, ads, B, cats, members, orgs, people, seed, uuid } from './fixtures';
import { asContext, attempt, fingerprint, inTerritory, rows, sqlStateOf, storedCount, tenantTables } from './requests';

const KNOWN_TENANT_TABLES = ['audit_log', 'categories', 'invitations', 'listings', 'memberships', 'organisations'];

describe.each(DATABASE_KINDS)('row-level security is the backstop on %s', (kind) => {
  let db: TestDatabase;
  let tables: string[];
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seed(db.owner);
    tables = await tenantTables(db.owner);
  });
  afterAll(() => db?.drop());
  const fingerprints = async (territoryId: string) =>
    Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await fingerprint(db.owner, t, territoryId)])));

  it('finds every tenant table in the catalog, and the fixture fills each one in both territories', async () => {
    expect(tables).toEqual(expect.arrayContaining(KNOWN_TENANT_TABLES));
    for (const table of tables) {
      // A new tenant table must be seeded in fixtures.ts, or the sweeps below prove nothing for it.
      expect(await storedCount(db.owner, table, A.id), `${table} has rows in A`).toBeGreaterThan(0);
      expect(await storedCount(db.owner, table, B.id), `${table} has rows in B`).toBeGreaterThan(0);
    }
  });

  describe.each([
    ['A', A, people.adminA],
    ['B', B, people.adminB],
  ])('acting as the admin of %s', (_name, territory, admin) => {
    const other = territory === A ? B : A;

    it('an unfiltered select returns all of this territory and nothing else', async () => {
      const seen = await inTerritory(db.database, admin.id, territory.slug, async (scope) => {
        const out: Record<string, string[]> = {};
        for (const table of tables) {
          out[table] = (await rows<{ t: string }>(scope, sql`select territory_id::text as t from ${sql.identifier(table)}`)).map((r) => r.t);
        }
        return out;
      });
      for (const table of tables) {
        expect(new Set(seen[table]), table).toEqual(new Set([territory.id]));
        expect(seen[table].length, table).toBe(await storedCount(db.owner, table, territory.id));
      }
    });

    // The write sweeps read no column (constant SET, no WHERE, no RETURNING): a statement that
    // reads a column also gets the SELECT policies, which could hide a wrong UPDATE or DELETE policy.
    it('an unfiltered update rewrites no row of the other territory (checked through the owner)', async () => {
      const others = await fingerprints(other.id);
      const mine = await fingerprints(territory.id);
      // Committed on purpose, so the owner can check what was rewritten. Harmless here: this
      // territory's rows keep their values, and a leak would move the other's rows, which shows.
      const updated = await withTerritory(db.database, { userId: admin.id, slug: territory.slug }, async (scope) => {
        const out: Record<string, number> = {};
        for (const table of tables) {
          out[table] = affectedRows(await scope.tx.execute(sql`update ${sql.identifier(table)} set territory_id = ${territory.id}`));
        }
        return out;
      });
      for (const table of tables) {
        expect(await fingerprint(db.owner, table, other.id), `${table} of the other territory`).toBe(others[table]);
        expect(updated[table], table).toBeLessThanOrEqual(await storedCount(db.owner, table, territory.id));
      }
      // The sweep did reach this territory's rows: the checks above are not vacuous.
      expect(updated.listings).toBe(territory === A ? 4 : 2);
      expect(await fingerprint(db.owner, 'listings', territory.id)).not.toBe(mine.listings);
      expect(updated.audit_log).toBe(0); // the audit log is append-only
    });

    it('an unfiltered delete removes no row of the other territory', async () => {
      const { deleted, vanished, blocked } = await inTerritory(db.database, admin.id, territory.slug, async (scope) => {
        const count = async (table: string) =>
          (await rows<{ n: number }>(scope, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;
        const deleted: Record<string, number> = {};
        const vanished: Record<string, number> = {};
        let blocked = [...tables];
        // Children before parents, whatever the order: a table refused by a foreign key (in a
        // savepoint) is retried after the others, until a pass makes no progress.
        for (let pass = 0; pass < tables.length && blocked.length > 0; pass++) {
          const still: string[] = [];
          for (const table of blocked) {
            const before = await count(table);
            try {
              deleted[table] = affectedRows(await scope.tx.transaction((sp) => sp.execute(sql`delete from ${sql.identifier(table)}`)));
              vanished[table] = before - (await count(table));
            } catch (err) {
              if (sqlStateOf(err) !== '23503') throw err;
              still.push(table);
            }
          }
          if (still.length === blocked.length) break;
          blocked = still;
        }
        return { deleted, vanished, blocked: blocked.filter((t) => !(t in deleted)) };
      });
      // A refusal by a foreign key could hide a policy that let the delete reach the other territory.
      expect(blocked).toEqual([]);
      // The admin sees all of their territory: every deleted row must be one that vanished from it.
      expect(deleted).toEqual(vanished);
      expect(deleted).toMatchObject({
        listings: territory === A ? 4 : 2,
        categories: territory === A ? 3 : 2,
        invitations: 1,
        memberships: 0, // nobody deletes memberships: people leave
        audit_log: 0,
      });
      for (const table of tables) {
        expect(await storedCount(db.owner, table, territory.id), `${table} restored by the rollback`).toBeGreaterThan(0);
      }
    });

    it('an unfiltered update cannot move a row into the other territory', async () => {
      const states = await inTerritory(db.database, admin.id, territory.slug, async (scope) => {
        const out: Record<string, string> = {};
        for (const table of tables) {
          out[table] = await attempt(scope, sql`update ${sql.identifier(table)} set territory_id = ${other.id}`);
        }
        out.territories = await attempt(scope, sql`update territories set id = ${uuid(1, 99)}`);
        return out;
      });
      for (const table of tables) {
        // Refused by the policy's WITH CHECK, or not updatable at all (append-only audit log).
        expect(states[table], table).toBe(table === 'audit_log' ? 'ok:0' : '42501');
      }
      expect(states.territories).toBe('42501');
    });
  });

  it('an unfiltered update of territories by the admin of A touches only A', async () => {
    const touched = await inTerritory(db.database, people.adminA.id, A.slug, (scope) =>
      rows<{ id: string }>(scope, sql`update territories set name = name returning id`));
    expect(touched.map((r) => r.id)).toEqual([A.id]);
    const both = await inTerritory(db.database, people.both.id, A.slug, (scope) =>
      rows(scope, sql`update territories set name = name returning id`));
    expect(both).toEqual([]); // a member of A (even a facilitator of B) is not an admin
  });

  describe('cross-territory inserts are refused', () => {
    // The same row for either territory, with references valid in that territory: the
    // control (own territory) succeeds, so the refusal is about the territory and nothing else.
    const rowsFor = (t: typeof A | typeof B, actor: string, id: string) => {
      const admin = t === A ? members.adminA : members.adminB;
      const category = t === A ? cats.vehiclesA : cats.vehiclesB;
      return {
        listings: sql`insert into listings (territory_id, id, kind, category_id, title, exchange_modes, author_membership_id, visibility)
                      values (${t.id}, ${id}, 'offer', ${category.id}, 'Prêt d''une remorque', '{pret}', ${admin.id}, 'public')`,
        organisations: sql`insert into organisations (territory_id, id, kind, name, created_by)
                      values (${t.id}, ${id}, 'association', 'Les Jardins partagés', ${admin.id})`,
        categories: sql`insert into categories (territory_id, id, slug, label_fr, label_en)
                      values (${t.id}, ${id}, 'savoir-faire', 'Savoir-faire', 'Know-how')`,
        audit_log: sql`insert into audit_log (territory_id, id, actor_user_id, action, target_type)
                      values (${t.id}, ${id}, ${actor}, 'category.created', 'category')`,
        invitations: sql`insert into invitations (territory_id, id, email, token_hash, invited_by, expires_at)
                      values (${t.id}, ${id}, 'contact@epicerie.example.fr', ${`hash-${id}`}, ${admin.id}, now() + interval '7 days')`,
      };
    };

    it('the admin of A cannot write listings, organisations, categories, audit entries or invitations into B', async () => {
      const states = await inTerritory(db.database, people.adminA.id, A.slug, async (scope) => {
        const out: Record<string, [string, string]> = {};
        const intoB = rowsFor(B, people.adminA.id, uuid(9, 1));
        const intoA = rowsFor(A, people.adminA.id, uuid(9, 2));
        for (const table of Object.keys(intoB) as (keyof typeof intoB)[]) {
          out[table] = [await attempt(scope, intoB[table]), await attempt(scope, intoA[table])];
        }
        return out;
      });
      expect(states).toEqual({
        listings: ['42501', 'ok:1'],
        organisations: ['42501', 'ok:1'],
        categories: ['42501', 'ok:1'],
        audit_log: ['42501', 'ok:1'],
        invitations: ['42501', 'ok:1'],
      });
      expect(await storedCount(db.owner, 'listings', B.id)).toBe(2);
    });

    it('someone joining through A cannot write a membership into B', async () => {
      const join = (t: typeof A | typeof B) => sql`insert into memberships (territory_id, id, user_id, role, status)
        values (${t.id}, ${uuid(9, 3)}, ${people.outsider.id}, 'member', 'pending')`;
      const states = await inTerritory(db.database, people.outsider.id, A.slug, async (scope) =>
        [await attempt(scope, join(B)), await attempt(scope, join(A))]);
      expect(states).toEqual(['42501', 'ok:1']);
    });

    it("a row of A cannot reference B's category, organisation or membership (foreign keys include territory_id)", async () => {
      const listing = (categoryId: string, organisationId: string | null) => sql`
        insert into listings (territory_id, id, kind, category_id, title, exchange_modes, author_membership_id, organisation_id)
        values (${A.id}, ${uuid(9, 4)}, 'need', ${categoryId}, 'Cherche cagettes', '{don}', ${members.memberA.id}, ${organisationId})`;
      const states = await inTerritory(db.database, people.memberA.id, A.slug, async (scope) => ({
        categoryOfB: await attempt(scope, listing(cats.premisesB.id, null)),
        organisationOfB: await attempt(scope, listing(cats.suppliesA.id, orgs.farm.id)),
        control: await attempt(scope, listing(cats.suppliesA.id, orgs.jam.id)),
        ownMembershipToOrganisationOfB: await attempt(scope,
          sql`update memberships set organisation_id = ${orgs.farm.id} where id = ${members.memberA.id}`),
      }));
      expect(states).toEqual({ categoryOfB: '23503', organisationOfB: '23503', control: 'ok:1', ownMembershipToOrganisationOfB: '23503' });
      const invitedByB = await inTerritory(db.database, people.adminA.id, A.slug, (scope) => attempt(scope, sql`
        insert into invitations (territory_id, id, email, token_hash, invited_by, expires_at)
        values (${A.id}, ${uuid(9, 5)}, 'x@example.fr', 'hash-x', ${members.adminB.id}, now() + interval '1 day')`));
      expect(invitedByB).toBe('23503');
    });
  });

  describe('with no territory set, no tenant row is visible', () => {
    it.each([
      ['a signed-in admin of A', people.adminA.id],
      ['the person in both territories', people.both.id],
      ['nobody', null],
    ])('%s sees zero rows in every tenant table', async (_who, userId) => {
      const counts = await asContext(db.database, { userId }, async (scope) => {
        const out: Record<string, number> = {};
        for (const table of tables) {
          const [row] = await rows<{ n: number }>(scope, sql`select count(*)::int as n from ${sql.identifier(table)}`);
          out[table] = row.n;
        }
        return out;
      });
      expect(counts).toEqual(Object.fromEntries(tables.map((t) => [t, 0])));
      const accounts = await asContext(db.database, { userId }, (scope) => rows(scope, sql`select id from users`));
      expect(accounts).toHaveLength(userId ? 1 : 0); // one's own account only
    });

    it('nor can anything be written into a territory', async () => {
      const state = await asContext(db.database, { userId: people.adminA.id }, (scope) => attempt(scope, sql`
        insert into categories (territory_id, id, slug, label_fr, label_en) values (${A.id}, ${uuid(9, 6)}, 'x', 'x', 'x')`));
      expect(state).toBe('42501');
    });
  });

  describe('the context does not survive its transaction', () => {
    const leftover = sql`select coalesce(current_setting('app.territory_id', true), '') as territory,
                                coalesce(current_setting('app.user_id', true), '') as "user",
                                current_user as role, pg_backend_pid() as pid`;
    type Leftover = { territory: string; user: string; role: string; pid: number };

    it('on the same connection, the next transaction has no role, user or territory (after commit and after rollback)', async () => {
      // PGlite is one connection; on PostgreSQL a pool of one makes "the same connection" certain.
      const single = kind === 'postgres' ? openPostgres(db.url!, { max: 1 }) : db.database;
      try {
        const during = await withTerritory(single, { userId: people.adminA.id, slug: A.slug }, (scope) => rows<Leftover>(scope, leftover));
        const afterCommit = await single.db.transaction(async (tx) => rowsOf<Leftover>(await tx.execute(leftover)));
        await inTerritory(single, people.adminA.id, A.slug, async () => null);
        const afterRollback = rowsOf<Leftover>(await single.db.execute(leftover));
        const listingsAfter = rowsOf(await single.db.execute(sql`select count(*)::int as n from listings`));

        expect(during[0]).toMatchObject({ territory: A.id, user: people.adminA.id, role: 'soliterr_app' });
        for (const after of [afterCommit[0], afterRollback[0]]) {
          expect(after.pid).toBe(during[0].pid);
          expect(after).toMatchObject({ territory: '', user: '' });
          expect(after.role).not.toBe('soliterr_app');
        }
        expect(listingsAfter).toEqual([{ n: 6 }]); // the owner again, who sees both territories
      } finally {
        if (single !== db.database) await single.close();
      }
    });

    it('a request that failed leaves nothing behind either', async () => {
      const single = kind === 'postgres' ? openPostgres(db.url!, { max: 1 }) : db.database;
      try {
        await expect(withContext(single, { userId: people.adminB.id, territoryId: B.id }, async (scope) => {
          await scope.tx.execute(sql`select * from no_such_table`);
        })).rejects.toThrow();
        const [after] = rowsOf<Leftover>(await single.db.execute(leftover));
        expect(after).toMatchObject({ territory: '', user: '' });
        expect(after.role).not.toBe('soliterr_app');
      } finally {
        if (single !== db.database) await single.close();
      }
    });
  });

  describe('unique constraints reveal nothing of another territory', () => {
    it("a slug or an id used only in B is free in A; a slug used in A is not", async () => {
      const insert = (id: string, slug: string) => sql`insert into categories (territory_id, id, slug, label_fr, label_en)
        values (${A.id}, ${id}, ${slug}, 'Locaux et espaces', 'Premises')`;
      const states = await inTerritory(db.database, people.adminA.id, A.slug, async (scope) => ({
        slugOfB: await attempt(scope, insert(uuid(9, 7), cats.premisesB.slug)),
        idOfB: await attempt(scope, insert(cats.premisesB.id, 'tiers-lieux')),
        slugOfA: await attempt(scope, insert(uuid(9, 8), cats.vehiclesA.slug)),
      }));
      expect(states).toEqual({ slugOfB: 'ok:1', idOfB: 'ok:1', slugOfA: '23505' });
    });

    it('a member of B alone may ask to join A; a second request in A is a duplicate', async () => {
      const join = (id: string) => sql`insert into memberships (territory_id, id, user_id, role, status)
        values (${A.id}, ${id}, ${people.memberB.id}, 'member', 'pending')`;
      const states = await inTerritory(db.database, people.memberB.id, A.slug, async (scope) =>
        [await attempt(scope, join(uuid(9, 9))), await attempt(scope, join(uuid(9, 10)))]);
      expect(states).toEqual(['ok:1', '23505']);
      // Marie is in A already, but her B membership's id is free in A: the key is (territory_id, id).
      const sameId = await inTerritory(db.database, people.outsider.id, A.slug, (scope) => attempt(scope, sql`
        insert into memberships (territory_id, id, user_id, role, status)
        values (${A.id}, ${members.bothB.id}, ${people.outsider.id}, 'member', 'pending')`));
      expect(sameId).toBe('ok:1');
    });
  });

  it('the fixture is still intact after every rolled-back request', async () => {
    expect(await storedCount(db.owner, 'listings', A.id)).toBe(Object.values(ads).filter((l) => l.territoryId === A.id).length);
    expect(await storedCount(db.owner, 'memberships', B.id)).toBe(Object.values(members).filter((m) => m.territoryId === B.id).length);
  });
});
