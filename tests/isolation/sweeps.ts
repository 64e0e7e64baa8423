// Issue 2 — the database is the backstop. Every statement here is deliberately
// UNFILTERED (no `where territory_id = …`): it is what a handler that forgot its filter
// would run, through the real tenant helper, as soliterr_app. Row-level security alone
// must keep territory B out of a request made in territory A. The tables are discovered
// from the catalog, so a new tenant table is swept without editing this file.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { affectedRows } from '../../functions/shared/db/client';
import { withTerritory } from '../../functions/shared/db/tenant';
import type { DatabaseKind, TestDatabase } from '../support/database';
import { A, B, people, uuid } from './fixtures';
import { asContext, attempt, fingerprint, inTerritory, type Isolation, rows, sqlStateOf, storedCount } from './requests';

const APPEND_ONLY = ['audit_log', 'idempotency_keys', 'conversations', 'conversation_messages', 'cooperations', 'cooperation_partners'];
const KNOWN_TENANT_TABLES = ['audit_log', 'categories', 'invitations', 'listings', 'memberships', 'organisations'];

export function tenantTableSweeps(_kind: DatabaseKind, isolation: () => Isolation): void {
  describe('unfiltered statements over every tenant table', () => {
    let db: TestDatabase;
    let tables: string[];
    beforeAll(() => {
      ({ db, tables } = isolation());
    });

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
          // Refused by the policy's WITH CHECK, or not updatable at all (append-only: the audit
          // log, the stored answers of idempotency keys, conversations and their messages; a
          // confirmed cooperation and its partners' decisions are settled).
          expect(states[table], table).toBe(APPEND_ONLY.includes(table) ? 'ok:0' : '42501');
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
  });
}
