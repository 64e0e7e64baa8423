// The backstop as the catalog describes it: a new table, a new policy or a change to the
// application role fails these checks before it can leak anything.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../functions/shared/db/client';
import { APP_ROLE, assertRlsBackstop, withContext } from '../../functions/shared/db/tenant';
import type { DatabaseKind, TestDatabase } from '../support/database';
import { type Isolation, tenantTables } from './requests';

/** Global tables without territory_id that still hold one person's data: row-level security too. */
const ACCOUNT_TABLES = ['users', 'sessions', 'user_tokens', 'territories', 'notification_preferences', 'unsubscribe_tokens', 'digest_runs'];

/**
 * Tables the application role may read without row-level security, and why. Adding one is a
 * decision to record here, not an accident of ALTER DEFAULT PRIVILEGES.
 */
const GLOBAL_WITHOUT_RLS: Record<string, string> = {};

export function catalogChecks(kind: DatabaseKind, isolation: () => Isolation): void {
  describe('the catalog keeps the backstop in place', () => {
    let db: TestDatabase;
    beforeAll(() => {
      ({ db } = isolation());
    });

    const q = async <T>(query: ReturnType<typeof sql>) => db.owner.rows<T>(await db.owner.db.execute(query));

    it('every tenant and account table has row-level security enabled, forced, and at least one policy', async () => {
      const tables = [...(await tenantTables(db.owner)), ...ACCOUNT_TABLES];
      const found = await q<{ name: string; enabled: boolean; forced: boolean; policies: number }>(sql`
        select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
               (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relname in ${sql`(${sql.join(tables.map((t) => sql`${t}`), sql`, `)})`}
         order by c.relname`);
      expect(found.map((t) => t.name).sort()).toEqual([...tables].sort());
      for (const table of found) {
        expect(table, table.name).toMatchObject({ enabled: true, forced: true });
        expect(table.policies, `${table.name} has policies`).toBeGreaterThan(0);
      }
    });

    it('every policy is written for soliterr_app and nobody else', async () => {
      const policies = await q<{ table: string; name: string; roles: string }>(sql`
        select tablename as table, policyname as name, array_to_string(roles, ',') as roles
          from pg_policies where schemaname = 'public'`);
      expect(policies.length).toBeGreaterThan(20);
      for (const p of policies) expect(p.roles, `${p.table}: "${p.name}"`).toBe(APP_ROLE);
    });

    it('every relation the application role can touch is protected by forced RLS, or is a recorded global table', async () => {
      const reachable = await q<{ schema: string; name: string; kind: string; forced: boolean; invoker: boolean }>(sql`
        select n.nspname as schema, c.relname as name, c.relkind::text as kind,
               c.relrowsecurity and c.relforcerowsecurity as forced,
               coalesce('security_invoker=true' = any (c.reloptions), false) as invoker
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'p', 'v', 'm', 'f')
           and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_toast%'
           and has_table_privilege(${APP_ROLE}, c.oid, 'SELECT, INSERT, UPDATE, DELETE')`);
      expect(reachable.length).toBeGreaterThanOrEqual(10);
      for (const r of reachable) {
        const label = `${r.schema}.${r.name} (relkind ${r.kind})`;
        if (r.schema === 'public' && r.name in GLOBAL_WITHOUT_RLS) continue;
        // A view runs with its owner's rights (the owner bypasses RLS) unless it is security_invoker.
        if (r.kind === 'v') expect(r.invoker, label).toBe(true);
        else expect(r.kind === 'r' || r.kind === 'p' ? r.forced : false, label).toBe(true);
      }
    });

    it('soliterr_app is not superuser, cannot bypass RLS or log in, inherits no other role and owns nothing', async () => {
      const [role] = await q<Record<string, unknown>>(sql`
        select r.rolsuper as superuser, r.rolbypassrls as bypassrls, r.rolcanlogin as login,
               r.rolcreaterole as createrole, r.rolcreatedb as createdb,
               (select count(*)::int from pg_auth_members m where m.member = r.oid) as member_of,
               (select count(*)::int from pg_class c where c.relowner = r.oid) as owned_relations,
               (select count(*)::int from pg_namespace s where s.nspowner = r.oid) as owned_schemas,
               (select count(*)::int from pg_proc p where p.proowner = r.oid) as owned_functions
          from pg_roles r where r.rolname = ${APP_ROLE}`);
      expect(role).toEqual({
        superuser: false, bypassrls: false, login: false, createrole: false, createdb: false,
        member_of: 0, owned_relations: 0, owned_schemas: 0, owned_functions: 0,
      });
    });

    it('every SECURITY DEFINER function pins its search_path', async () => {
      const definers = await q<{ name: string; pinned: boolean }>(sql`
        select p.oid::regprocedure::text as name,
               coalesce(exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%'), false) as pinned
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')`);
      expect(definers.length).toBeGreaterThan(5);
      for (const f of definers) expect(f.pinned, f.name).toBe(true);
    });

    it('assertRlsBackstop lets a migrated database start', async () => {
      await expect(assertRlsBackstop(db.database)).resolves.toBeUndefined();
    });

    it('assertRlsBackstop refuses to start when soliterr_app owns a table', async () => {
      // Ownership is per database, so this is safe on the shared PostgreSQL server too.
      await db.owner.db.execute(sql`create table public.isolation_owned_probe (id int)`);
      try {
        await db.owner.db.execute(sql.raw(`alter table public.isolation_owned_probe owner to ${APP_ROLE}`));
        await expect(assertRlsBackstop(db.database)).rejects.toThrow(/owned tables=1/);
      } finally {
        await db.owner.db.execute(sql`drop table public.isolation_owned_probe`);
      }
      await expect(assertRlsBackstop(db.database)).resolves.toBeUndefined();
    });

    it('keeps password hashes and rate-limit counters out of reach of requests', async () => {
      const [someone] = rowsOf<{ id: string }>(await db.owner.db.execute(sql`select id from users order by id limit 1`));
      const refused = (statement: ReturnType<typeof sql>) =>
        expect(withContext(db.database, { userId: someone.id }, (scope) => scope.tx.execute(statement))).rejects.toMatchObject({
          cause: expect.objectContaining({ code: '42501' }),
        });
      await refused(sql`select password_hash from users`);
      await refused(sql`select * from users`);
      await refused(sql`select * from rate_limits`);
      await refused(sql`delete from rate_limits`);
      const own = await withContext(db.database, { userId: someone.id }, async (scope) =>
        rowsOf<{ hash: string | null }>(await scope.tx.execute(sql`select app.my_password_hash() as hash`)),
      );
      const [stored] = rowsOf<{ hash: string }>(await db.owner.db.execute(sql`select password_hash as hash from users where id = ${someone.id}`));
      expect(own[0].hash).toBe(stored.hash);
    });

    // Roles are cluster-wide on a PostgreSQL server, where other test files run at the same
    // time against the same soliterr_app: altering it there could let their requests bypass
    // RLS. PGlite is its own in-memory cluster, so the role is altered there only (and the
    // test is not defined elsewhere: CI refuses skipped tests).
    if (kind === 'pglite') it.each([
      ['BYPASSRLS', 'bypassrls', 'nobypassrls', /bypassrls=true/],
      ['SUPERUSER', 'superuser', 'nosuperuser', /superuser=true/],
    ])('assertRlsBackstop refuses to start when soliterr_app gets %s (PGlite only)', async (_label, grant, revoke, message) => {
      await db.owner.db.execute(sql.raw(`alter role ${APP_ROLE} ${grant}`));
      try {
        await expect(assertRlsBackstop(db.database)).rejects.toThrow(message);
      } finally {
        await db.owner.db.execute(sql.raw(`alter role ${APP_ROLE} ${revoke}`));
      }
      await expect(assertRlsBackstop(db.database)).resolves.toBeUndefined();
    });
  });
}
