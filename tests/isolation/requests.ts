// Runs statements the way production does — through withContext / withTerritory, so as
// soliterr_app with the request's settings — and rolls the request back by throwing, so
// tests that mutate leave the shared fixture untouched.
import { type SQL, sql } from 'drizzle-orm';
import { affectedRows, type Database, rowsOf, type Tx } from '../../functions/shared/db/client';
import { type Scope, type TerritoryScope, withContext, withTerritory } from '../../functions/shared/db/tenant';
import type { TestDatabase } from '../support/database';

/** What every suite of this folder shares: one seeded database per kind (see rls.test.ts). */
export interface Isolation {
  db: TestDatabase;
  /** The tenant tables, discovered from the catalog. */
  tables: string[];
}

class Rollback extends Error {
  constructor(readonly value: unknown) {
    super('rolled back on purpose by the isolation tests');
  }
}

async function undone<T>(request: Promise<unknown>): Promise<T> {
  try {
    await request;
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
  throw new Error('the request committed instead of rolling back');
}

/** withContext, rolled back: fn's result is returned, nothing it wrote is kept. */
export function asContext<T>(
  database: Database,
  context: { userId?: string | null; territoryId?: string | null },
  fn: (scope: Scope) => Promise<T>,
): Promise<T> {
  return undone(withContext(database, context, async (scope) => { throw new Rollback(await fn(scope)); }));
}

/** withTerritory, rolled back. */
export function inTerritory<T>(
  database: Database,
  userId: string | null,
  slug: string,
  fn: (scope: TerritoryScope) => Promise<T>,
): Promise<T> {
  return undone(withTerritory(database, { userId, slug }, async (scope) => { throw new Rollback(await fn(scope)); }));
}

export async function rows<T = Record<string, unknown>>(scope: { tx: Tx }, query: SQL): Promise<T[]> {
  return rowsOf<T>(await scope.tx.execute(query));
}

/** The sorted ids a statement returns. */
export async function ids(scope: { tx: Tx }, query: SQL): Promise<string[]> {
  return (await rows<{ id: string }>(scope, query)).map((r) => String(r.id)).sort();
}

export function sqlStateOf(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Runs a statement in a savepoint and answers its SQLSTATE, or 'ok:<n>' with the number of
 * rows it wrote. The request's transaction stays usable after a refusal. Write without
 * RETURNING to test a WITH CHECK: RETURNING also applies the SELECT policies to the new
 * row, which would refuse it even if the WITH CHECK were wrong.
 */
export async function attempt(scope: { tx: Tx }, query: SQL): Promise<string> {
  try {
    const result = await scope.tx.transaction((savepoint) => savepoint.execute(query));
    return `ok:${rowsOf(result).length || affectedRows(result)}`;
  } catch (err) {
    const state = sqlStateOf(err);
    if (!state) throw err;
    return state;
  }
}

/** Tables of schema public that have a territory_id column: discovered, never listed by hand. */
export async function tenantTables(owner: Database): Promise<string[]> {
  const found = owner.rows<{ name: string }>(
    await owner.db.execute(sql`
      select c.relname as name
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'territory_id' and not a.attisdropped
       where n.nspname = 'public' and c.relkind in ('r', 'p')
       order by c.relname`),
  );
  return found.map((r) => r.name);
}

/**
 * What is really stored for one territory in one table, read by the owner: the row count
 * and an md5 over every row AND its row version (xmin), so even an update that rewrites a
 * row with the same values changes the fingerprint.
 */
export async function fingerprint(owner: Database, table: string, territoryId: string): Promise<string> {
  const [row] = owner.rows<{ n: number; md5: string }>(
    await owner.db.execute(sql`
      select count(*)::int as n,
             coalesce(md5(string_agg(t.xmin::text || ' ' || t::text, ',' order by t::text)), '') as md5
        from ${sql.identifier(table)} t where t.territory_id = ${territoryId}`),
  );
  return `${row.n}:${row.md5}`;
}

export async function storedCount(owner: Database, table: string, territoryId: string): Promise<number> {
  const [row] = owner.rows<{ n: number }>(
    await owner.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where territory_id = ${territoryId}`),
  );
  return row.n;
}
