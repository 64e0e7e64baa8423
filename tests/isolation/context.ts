// The tenant context is transaction-local: nothing of one request's role, user or territory
// may reach the next transaction on the same connection (PgBouncer in transaction pooling
// hands connections from one request to the next).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, rowsOf } from '../../functions/shared/db/client';
import { withContext, withTerritory } from '../../functions/shared/db/tenant';
import type { DatabaseKind, TestDatabase } from '../support/database';
import { A, B, people } from './fixtures';
import { inTerritory, type Isolation, rows } from './requests';

export function contextReset(kind: DatabaseKind, isolation: () => Isolation): void {
  describe('the context does not survive its transaction', () => {
    let db: TestDatabase;
    beforeAll(() => {
      ({ db } = isolation());
    });

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
        // Back to the login role: PGlite's superuser sees both territories; on PostgreSQL the
        // application logs in as an unprivileged member of soliterr_app, which sees nothing.
        expect(listingsAfter).toEqual([{ n: kind === 'postgres' ? 0 : 6 }]);
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

    it('requests of A and B interleaved on a shared pool each see only their own territory', async () => {
      // Forty requests over the pool's few connections: every connection serves both territories.
      const seen = await Promise.all(Array.from({ length: 40 }, (_, i) => {
        const [territory, admin] = i % 2 === 0 ? [A, people.adminA] : [B, people.adminB];
        return inTerritory(db.database, admin.id, territory.slug, async (scope) => ({
          territory: territory.id,
          rows: (await rows<{ t: string }>(scope, sql`select territory_id::text as t from listings`)).map((r) => r.t),
        }));
      }));
      for (const request of seen) {
        expect(request.rows.length).toBe(request.territory === A.id ? 4 : 2);
        expect(new Set(request.rows)).toEqual(new Set([request.territory]));
      }
    });
  });
}
